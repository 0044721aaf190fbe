package bench

import (
	"math"
	"testing"
)

// TestSameOutput runs every implementation of each workload over the same
// events and compares the checksums of their output rows.
func TestSameOutput(t *testing.T) {
	for _, w := range workloads {
		t.Run(w.name, func(t *testing.T) {
			n := w.warm + 1<<15
			if testing.Short() {
				n = w.warm + 1<<12
			}
			d := w.input()
			want := run(w.hand, d, n)
			if want.rows == 0 {
				t.Fatalf("hand: no output rows")
			}
			impls := append([]reference(nil), w.refs...)
			if mk, err := generatedRunner(w); err == nil {
				impls = append(impls, reference{"generated", mk})
			} else {
				t.Logf("generated: %v", err)
			}
			for _, im := range impls {
				if got := run(im.new, d, n); got.rows != want.rows || !close(got.sum, want.sum) {
					t.Errorf("%s: %d rows, sum %v; hand: %d rows, sum %v", im.name, got.rows, got.sum, want.rows, want.sum)
				}
			}
		})
	}
}

func run(mk func(*data) runner, d *data, n int) result {
	r := mk(d)
	r.run(0, n)
	return r.result()
}

// close compares sums that may differ in the last bits (SUM and AVG over
// doubles are allowed to, LANGUAGE.md §6.1).
func close(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// TestAllocs asserts allocation counts: the generated filter and every
// hand-written baseline but encoding/json allocate nothing per event once warm.
func TestAllocs(t *testing.T) {
	check := func(name string, w *workload, mk func(*data) runner) {
		r := mk(w.input())
		r.run(0, w.warm+1000)
		i := w.warm + 1000
		allocs := testing.AllocsPerRun(10, func() {
			r.run(i, i+1000)
			i += 1000
		}) / 1000
		if allocs != 0 {
			t.Errorf("%s %s: %v allocs/event, want 0", w.name, name, allocs)
		}
	}
	for _, w := range workloads {
		check("hand", w, w.hand)
	}
	filter := workloadNamed("filter")
	mk, err := generatedRunner(filter)
	if err != nil {
		t.Fatalf("generated filter: %v", err)
	}
	check("generated", filter, mk)
}
