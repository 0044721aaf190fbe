package lengthgroup

import (
	"strconv"
	"testing"
)

var symbols = func() []string {
	s := make([]string, 500)
	for i := range s {
		s[i] = "S" + strconv.Itoa(i)
	}
	return s
}()

// A sliding length window with GROUP BY and SUM/COUNT/AVG/MIN/MAX
// allocates nothing per event once warm: the ring is preallocated, groups
// live in slots of a table that are reused after a group empties, and the
// MIN/MAX deques reuse their buffers.
func TestSendAllocs(t *testing.T) {
	a := New()
	n := 0
	a.OnStats(func(ts int64, e *Stats) { n++ })
	ev := &Trades{}
	i := 0
	send := func() {
		// 500 symbols through a window of 100: groups are created and
		// deleted all the time.
		ev.Symbol = symbols[(i*7)%len(symbols)]
		ev.Price = float64(i%97) + 0.5
		ev.Volume = int64(i % 13)
		a.SendTrades(int64(i), ev)
		i++
	}
	for range 20000 {
		send()
	}
	allocs := testing.AllocsPerRun(10000, send)
	if allocs != 0 {
		t.Errorf("SendTrades: %v allocs/event, want 0", allocs)
	}
	if n == 0 {
		t.Fatal("no output")
	}
	if g := a.LiveGroups(); g > 100 {
		t.Errorf("LiveGroups = %d, want at most the window's 100 events", g)
	}
}

// Each arrival emits its group's aggregates over the last 100 events.
func TestSlidingValues(t *testing.T) {
	a := New()
	var last Stats
	a.OnStats(func(ts int64, e *Stats) { last = *e })
	for i := range 250 {
		a.SendTrades(int64(i), &Trades{Symbol: "X", Price: float64(i), Volume: 1})
	}
	if last.N != 100 || last.Total != 100 || last.Lo != 150 || last.Hi != 249 || last.Mean != 199.5 {
		t.Errorf("last row = %+v, want n=100 total=100 lo=150 hi=249 mean=199.5", last)
	}
}

func BenchmarkSend(b *testing.B) {
	a := New()
	a.OnStats(func(ts int64, e *Stats) {})
	ev := &Trades{}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ev.Symbol = symbols[i%len(symbols)]
		ev.Price = float64(i % 97)
		ev.Volume = int64(i % 13)
		a.SendTrades(int64(i), ev)
	}
}
