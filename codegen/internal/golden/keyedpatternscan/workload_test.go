package keyedpatternscan

import (
	"runtime"
	"strconv"
	"testing"
)

// keyedWorkload drives n concurrent partial matches keyed by user: step i
// sends a purchase by user i mod n, completing the run that user's login
// opened n steps earlier, then a new login by the same user. Time moves
// 1 ms per step, well inside WITHIN 10 MINUTES.
type keyedWorkload struct {
	a     *App
	users []string
	step  int64
	rows  int
}

func newKeyedWorkload(n int) *keyedWorkload {
	w := &keyedWorkload{a: New()}
	for i := 0; i < n; i++ {
		w.users = append(w.users, "user"+strconv.Itoa(i))
	}
	w.a.OnLoginThenPurchase(func(ts int64, e *LoginThenPurchase) { w.rows++ })
	for i := range w.users {
		w.a.SendLogin(w.step, &Login{User: w.users[i], Ip: "10.0.0.1"})
		w.step++
	}
	return w
}

// next sends one purchase and one login (two events).
func (w *keyedWorkload) next() {
	u := w.users[int(w.step)%len(w.users)]
	w.a.SendPurchase(w.step, &Purchase{User: u, Amount: 9.5})
	w.a.SendLogin(w.step, &Login{User: u, Ip: "10.0.0.2"})
	w.step++
}

// Without the index (-O0) the hot path also allocates nothing once the pools, the index and the timer
// queue have reached their steady-state sizes.
func TestKeyedPatternScanAllocs(t *testing.T) {
	w := newKeyedWorkload(100)
	for i := 0; i < 700_000; i++ { // past WITHIN: the timer queue stops growing
		w.next()
	}
	rows := w.rows
	// testing.AllocsPerRun rounds down; count every allocation instead.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 10000; i++ {
		w.next()
	}
	runtime.ReadMemStats(&after)
	// Zero per event in steady state; a few stray allocations over the run
	// (a map rehash, the runtime) are tolerated, one per step is not.
	if n := after.Mallocs - before.Mallocs; n > 10 {
		t.Errorf("%d allocations in 10000 login+purchase steps, want ~0", n)
	}
	if allocs := testing.AllocsPerRun(1000, w.next); allocs != 0 {
		t.Errorf("%v allocs per login+purchase, want 0", allocs)
	}
	if w.rows == rows {
		t.Fatal("no matches")
	}
	if got := w.a.PartialMatches(); got != 101 {
		t.Errorf("PartialMatches = %d, want 101 (100 waiting, 1 at s1)", got)
	}
}

func BenchmarkKeyedPatternScan10k(b *testing.B) {
	w := newKeyedWorkload(10_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.next()
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/event")
	if w.a.PartialMatches() != 10_001 {
		b.Fatalf("PartialMatches = %d", w.a.PartialMatches())
	}
}
