package rt

import "testing"

type testRun struct{ v int }

func ids(p *Links, l *List) []int32 {
	var out []int32
	for id := l.First(); id != 0; id = l.Next(p, id) {
		out = append(out, id)
	}
	return out
}

func same(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A run lives while some list holds it; ids and slots are reused.
func TestRunsLifecycle(t *testing.T) {
	var p Runs[testRun]
	p.Init(2)
	w0, s1 := NewList(0, 1), NewList(1, 2)
	a, b := p.Alloc(), p.Alloc()
	w0.Push(&p.Links, a)
	w0.Push(&p.Links, b)
	s1.Push(&p.Links, a) // a is at two states (a counted element and its next state)
	if p.Live() != 2 || !same(ids(&p.Links, &w0), []int32{a, b}) {
		t.Fatalf("live %d, w0 %v", p.Live(), ids(&p.Links, &w0))
	}
	w0.Remove(&p.Links, a)
	if p.Live() != 2 || p.At(a, 1) != 2 || p.At(a, 0) != 0 {
		t.Fatal("a left its last list too early")
	}
	gen := p.Gen(a)
	s1.Remove(&p.Links, a)
	if p.Live() != 1 || p.Gen(a) == gen {
		t.Fatal("a not freed")
	}
	arg := p.TimerArg(b, 1)
	if c := p.Alloc(); c != a {
		t.Fatalf("id %d not reused (got %d)", a, c)
	}
	if id, st, ok := p.Fired(arg); id != b || st != 1 || !ok {
		t.Fatalf("Fired = %d %d %v", id, st, ok)
	}
	w0.Remove(&p.Links, b)
	arg = p.TimerArg(a, -1)
	p.Free(a)
	if _, _, ok := p.Fired(arg); ok {
		t.Fatal("a timer of a freed run fired")
	}
}

// Sorting is stable by timestamp with NoTS last; splicing keeps order.
func TestListSortSplice(t *testing.T) {
	var p Runs[testRun]
	p.Init(1)
	w, s := NewList(0, 1), NewList(0, 2)
	var r [5]int32
	ts := []int64{5, NoTS, 3, 5, 1}
	for i := range r {
		r[i] = p.Alloc()
		p.SetTS(r[i], ts[i])
		s.Push(&p.Links, r[i])
	}
	s.SortByTS(&p.Links)
	want := []int32{r[4], r[2], r[0], r[3], r[1]}
	if got := ids(&p.Links, &s); !same(got, want) {
		t.Fatalf("sorted %v, want %v", got, want)
	}
	if s.Last() != r[1] || s.Len() != 5 {
		t.Fatal("tail or length wrong after sort")
	}
	x := p.Alloc()
	w.Push(&p.Links, x)
	w.Splice(&p.Links, &s)
	if got := ids(&p.Links, &w); !same(got, append([]int32{x}, want...)) || s.Len() != 0 {
		t.Fatalf("spliced %v", got)
	}
	for i := 1; i < len(want); i++ {
		if p.Seq(want[i], 0) <= p.Seq(want[i-1], 0) {
			t.Fatal("entry order does not follow list order")
		}
	}
}
