package keyedjoin

import (
	"runtime"
	"strconv"
	"testing"
)

// joinWorkload sends trades and quotes over 1000 symbols round robin, so
// each length(10000) window holds 10 events per symbol once full and a
// probe matches about 10 of the other window's 10000 events.
type joinWorkload struct {
	a    *App
	syms []string
	step int64
	rows int
}

func newJoinWorkload() *joinWorkload {
	w := &joinWorkload{a: New()}
	for i := 0; i < 1000; i++ {
		w.syms = append(w.syms, "SYM"+strconv.Itoa(i))
	}
	w.a.OnMatched(func(ts int64, e *Matched) { w.rows++ })
	for i := 0; i < 10_000; i++ { // fill both windows
		w.next()
	}
	return w
}

// next sends one trade and one quote (two events).
func (w *joinWorkload) next() {
	s := w.syms[int(w.step)%len(w.syms)]
	p := float64(w.step % 7)
	w.a.SendTrades(w.step, &Trades{Symbol: s, Price: p, Volume: 100})
	w.a.SendQuotes(w.step, &Quotes{Symbol: s, Bid: 3})
	w.step++
}

// The hot path allocates nothing once the windows are full.
func TestJoinAllocs(t *testing.T) {
	w := newJoinWorkload()
	rows := w.rows
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const steps = 20000
	for i := 0; i < steps; i++ {
		w.next()
	}
	runtime.ReadMemStats(&after)
	// Steady state is zero allocations per event; a hash bucket that empties
	// and fills again may rarely make the Go map rehash, so a handful of
	// allocations over the whole run (under one per thousand steps) is
	// tolerated, while one allocation per event or per match is not.
	if n := after.Mallocs - before.Mallocs; n > steps/1000 {
		t.Errorf("%d allocations in %d trade+quote steps, want ~0", n, steps)
	}
	if w.rows == rows {
		t.Fatal("no matches")
	}
}

// BenchmarkJoin10k reports ns per event of the equi-join of two full
// length(10000) windows.
func BenchmarkJoin10k(b *testing.B) {
	w := newJoinWorkload()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.next()
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/event")
}
