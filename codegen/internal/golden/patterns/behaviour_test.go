package patterns

import (
	"fmt"
	"testing"
)

type rec struct {
	a    *App
	rows []string
}

func newRec() *rec {
	r := &rec{a: New()}
	r.a.OnRising(func(ts int64, e *Rising) { r.add("Rising", ts, e.First, e.Last, e.Closing) })
	r.a.OnEitherOr(func(ts int64, e *EitherOr) {
		r.add("EitherOr", ts, e.Sym, nullable(e.Null.Is(1), e.B), nullable(e.Null.Is(2), e.A))
	})
	r.a.OnQuiet(func(ts int64, e *Quiet) { r.add("Quiet", ts, e.Sym, e.At) })
	r.a.OnRuns(func(ts int64, e *Runs) { r.add("Runs", ts, e.Start, e.Next, e.Drop) })
	return r
}

func nullable(null bool, v any) any {
	if null {
		return nil
	}
	return v
}

func (r *rec) add(s string, ts int64, vs ...any) {
	r.rows = append(r.rows, fmt.Sprintf("%s@%d%v", s, ts, vs))
}

func (r *rec) only(prefix string) []string {
	var out []string
	for _, x := range r.rows {
		if len(x) > len(prefix) && x[:len(prefix)] == prefix {
			out = append(out, x)
		}
	}
	return out
}

func check(t *testing.T, got []string, want ...string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// A counted element keeps collecting after its minimum; the next state's
// filter reads e1[last]; EVERY restarts the count at the minimum.
func TestCountedLast(t *testing.T) {
	r := newRec()
	r.a.SendA(1, &A{Sym: "x", Price: 25})
	r.a.SendA(2, &A{Sym: "x", Price: 30})
	r.a.SendB(3, &B{Sym: "x", Price: 28})
	r.a.SendB(4, &B{Sym: "x", Price: 35})
	check(t, r.only("Rising"), "Rising@4[25 30 35]")
}

// OR: the unmatched operand is null; a filter refers to an earlier alias.
func TestOr(t *testing.T) {
	r := newRec()
	r.a.SendA(1, &A{Sym: "x", Price: 25})
	r.a.SendB(2, &B{Sym: "y", Price: 1})
	r.a.SendA(3, &A{Sym: "z", Price: 20})
	r.a.SendB(4, &B{Sym: "x", Price: 5})
	check(t, r.only("EitherOr"), "EitherOr@4[x 5 <nil>]")
}

// An absent deadline fires from the clock alone, at its due time, and a
// satisfying event before it discards the run.
func TestAbsentDeadline(t *testing.T) {
	r := newRec()
	r.a.SendA(1, &A{Sym: "x"})
	r.a.SendA(3, &A{Sym: "z"})
	r.a.SendB(500, &B{Sym: "x"})
	if d, ok := r.a.NextDeadline(); !ok || d != 1001 {
		t.Errorf("NextDeadline = %d, %v; want 1001", d, ok)
	}
	r.a.AdvanceTo(2000)
	check(t, r.only("Quiet"), "Quiet@1003[z 1003]")
}

// SEQUENCE: a rising run of A+ closed by the first drop.
func TestSequenceRun(t *testing.T) {
	r := newRec()
	for i, p := range []float64{10, 12, 15, 11} {
		r.a.SendA(int64(i+1), &A{Sym: "s", Price: p})
	}
	check(t, r.only("Runs"), "Runs@4[10 12 11]")
}

// Partial matches are released: after the EVERY pattern's runs expire or
// complete, only the runs waiting at first states remain.
func TestPartialMatchesReleased(t *testing.T) {
	r := newRec()
	base := r.a.PartialMatches()
	for i := 0; i < 100; i++ {
		r.a.SendA(int64(i), &A{Sym: "k", Price: 1})
	}
	if r.a.PartialMatches() <= base {
		t.Fatalf("PartialMatches = %d after 100 events, want more than %d", r.a.PartialMatches(), base)
	}
	r.a.AdvanceTo(10_000) // every Quiet run passes its deadline
	r.a.SendB(10_001, &B{Sym: "k", Price: 100})
	if n := len(r.only("Quiet")); n != 100 {
		t.Errorf("%d Quiet rows, want 100", n)
	}
}
