package timegroup

import (
	"strconv"
	"testing"
)

func keys(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = "k" + strconv.Itoa(i)
	}
	return s
}

// A time window with GROUP BY allocates nothing per event once warm,
// including the timer that expires events and the emission it causes.
func TestSendAllocs(t *testing.T) {
	a := New()
	n := 0
	a.OnRecent(func(ts int64, e *Recent) { n++ })
	a.OnSummary(func(ts int64, e *Summary) { n++ })
	names := keys(300)
	ev := &Readings{}
	i := 0
	send := func() {
		// One event per ms over a 1 s window: every arrival schedules a
		// timer and every timer expires an event.
		ev.Sensor = names[i%len(names)]
		ev.Value = float64(i % 50)
		a.SendReadings(int64(i), ev)
		i++
	}
	for range 20000 {
		send()
	}
	allocs := testing.AllocsPerRun(10000, send)
	if allocs != 0 {
		t.Errorf("SendReadings: %v allocs/event, want 0", allocs)
	}
	if n == 0 {
		t.Fatal("no output")
	}
}

// Bounded memory: 1M events over 100k distinct keys through a 1 s time
// window with GROUP BY. A group is deleted when the window holds none of
// its events, so the live group count follows the window's content (at
// most 1000 events at one event per ms) instead of the keys ever seen,
// and drops to 0 once every event has expired.
func TestGroupsFollowWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("1M events")
	}
	a := New()
	names := keys(100000)
	ev := &Readings{}
	peak := 0
	for i := range 1000000 {
		ev.Sensor = names[(i*7919)%len(names)]
		ev.Value = 1
		a.SendReadings(int64(i), ev)
		peak = max(peak, a.LiveGroups())
	}
	if peak > 1000 {
		t.Errorf("peak live groups %d, want at most 1000 (the window's content)", peak)
	}
	t.Logf("peak live groups %d over 100000 keys", peak)
	a.AdvanceTo(1000000 + 1000)
	if g := a.LiveGroups(); g != 0 {
		t.Errorf("live groups after every event expired: %d, want 0", g)
	}
}

// Time-window semantics at the boundary: an event at exactly ts + 1 s is
// expired by the timer that fires first. The chained timeBatch's boundary
// timer at 1000 was scheduled after the time window's expiry timer at 1000
// (equal due times fire in scheduling order, §4.6), so the expired row
// joins the first batch: one row over 3 rows, peak 3.
func TestExpiry(t *testing.T) {
	a := New()
	var got []Recent
	var sums []Summary
	a.OnRecent(func(ts int64, e *Recent) { got = append(got, *e) })
	a.OnSummary(func(ts int64, e *Summary) { sums = append(sums, *e) })
	a.SendReadings(0, &Readings{Sensor: "a", Value: 2})
	a.SendReadings(500, &Readings{Sensor: "a", Value: 3})
	a.SendReadings(1000, &Readings{Sensor: "a", Value: 4})
	// Rows: +2 (n=1), +3 (n=2), the 0-event expires at 1000 (n=1, total 3),
	// then +4 (n=2, total 7).
	want := []float64{2, 5, 3, 7}
	if len(got) != len(want) {
		t.Fatalf("got %d rows %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].Total != w {
			t.Errorf("row %d total %v, want %v", i, got[i].Total, w)
		}
	}
	if len(sums) != 1 || sums[0].Rows != 3 || sums[0].Peak != 3 {
		t.Errorf("timeBatch rows = %+v, want one row with rows=3 peak=3", sums)
	}
	if d, ok := a.NextDeadline(); !ok || d != 1500 {
		t.Errorf("NextDeadline = %d %v, want 1500", d, ok)
	}
}
