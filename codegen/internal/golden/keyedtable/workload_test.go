package keyedtable

import (
	"strconv"
	"testing"
)

// tableWorkload fills CustomerTable with 10000 customers, then sends one
// order (a join probe on customer) and one tier change (an UPDATE
// searching on customer) per step, each matching exactly one row.
type tableWorkload struct {
	a     *App
	names []string
	tiers [3]string
	step  int
	rows  int
}

const customers = 10_000

func newTableWorkload() *tableWorkload {
	w := &tableWorkload{a: New(), tiers: [3]string{"bronze", "silver", "gold"}}
	for i := range customers {
		w.names = append(w.names, "C"+strconv.Itoa(i))
		w.a.SendCustomers(int64(i), &Customers{Customer: w.names[i], Tier: w.tiers[i%3], Credit: 500})
	}
	w.a.OnEnriched(func(ts int64, e *Enriched) { w.rows++ })
	return w
}

// next sends one order and one tier change (two events).
func (w *tableWorkload) next() {
	ts := int64(customers + w.step)
	w.a.SendOrders(ts, &Orders{Customer: w.names[w.step%customers], Amount: float64(w.step % 1000)})
	w.a.SendTiers(ts, &Tiers{Customer: w.names[(w.step*7)%customers], Tier: w.tiers[w.step%3]})
	w.step++
}

// Searches and updates allocate nothing once warm.
func TestTableAllocs(t *testing.T) {
	w := newTableWorkload()
	for range 100 { // first deliveries size the output chunks
		w.next()
	}
	rows, from := w.rows, w.step
	if n := testing.AllocsPerRun(2000, w.next); n != 0 {
		t.Errorf("%v allocations per order+update step, want 0", n)
	}
	want := 0 // step s orders an amount of s%1000 against a credit of 500
	for s := from; s < w.step; s++ {
		if s%1000 <= 500 {
			want++
		}
	}
	if w.rows-rows != want {
		t.Errorf("%d enriched orders, want %d", w.rows-rows, want)
	}
}

// BenchmarkTable10k reports ns per event of a join probe and an UPDATE,
// each searching a 10000-row table on a non-key column.
func BenchmarkTable10k(b *testing.B) {
	w := newTableWorkload()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.next()
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/event")
}
