package lengthgroup

import (
	"slices"
	"testing"
)

// Each trade produces one Stats row, delivered to subscribers with the
// trade's own timestamp and its group's aggregates over the last 100
// trades, also once the window expires trades of other groups.
func TestRowPerEventWithItsTimestamp(t *testing.T) {
	a := New()
	type row struct {
		ts     int64
		symbol string
		total  int64
		n      int64
	}
	var got []row
	a.OnStats(func(ts int64, e *Stats) { got = append(got, row{ts, e.Symbol, e.Total, e.N}) })
	var want []row
	totals := map[string][]int64{} // the volumes of each symbol still in the window
	var window []string
	for i := range 250 {
		sym := []string{"A", "B", "C"}[i%3]
		ts, vol := int64(1000+7*i), int64(i)
		a.SendTrades(ts, &Trades{Symbol: sym, Price: 1, Volume: vol})
		window = append(window, sym)
		totals[sym] = append(totals[sym], vol)
		if len(window) > 100 {
			old := window[0]
			window = window[1:]
			totals[old] = totals[old][1:]
		}
		var sum int64
		for _, v := range totals[sym] {
			sum += v
		}
		want = append(want, row{ts, sym, sum, int64(len(totals[sym]))})
	}
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("row %d: got %+v, want %+v (%d rows, want %d)", i, got[i], want[i], len(got), len(want))
			}
		}
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
}
