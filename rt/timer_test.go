package rt

import (
	"math/rand"
	"sort"
	"testing"
)

func TestTimerQueueOrder(t *testing.T) {
	var q TimerQueue
	type want struct {
		due int64
		arg int32
	}
	var ws []want
	r := rand.New(rand.NewSource(1))
	for i := range 1000 {
		due := int64(r.Intn(50))
		q.Schedule(due, 1, int32(i))
		ws = append(ws, want{due, int32(i)})
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].due < ws[j].due })
	if d, ok := q.Next(); !ok || d != ws[0].due {
		t.Fatalf("Next = %d %v, want %d", d, ok, ws[0].due)
	}
	if _, ok := q.PopDue(-1); ok {
		t.Fatal("PopDue fired a timer that is not due")
	}
	for i, w := range ws {
		tm, ok := q.PopDue(w.due)
		if !ok || tm.Due != w.due || tm.Arg != w.arg {
			t.Fatalf("pop %d = %+v %v, want due %d arg %d (FIFO among equal due times)", i, tm, ok, w.due, w.arg)
		}
	}
	if q.Len() != 0 {
		t.Fatal("queue not empty")
	}
}

func TestTimerQueueAllocs(t *testing.T) {
	var q TimerQueue
	for i := range 64 {
		q.Schedule(int64(i), 0, 0)
	}
	for q.Len() > 0 {
		q.PopDue(100)
	}
	n := int64(0)
	allocs := testing.AllocsPerRun(1000, func() {
		q.Schedule(n+10, 1, 0)
		q.Schedule(n+5, 2, 0)
		q.PopDue(n + 10)
		q.PopDue(n + 10)
		n++
	})
	if allocs != 0 {
		t.Errorf("%v allocs per schedule/pop, want 0", allocs)
	}
}

func TestCronNext(t *testing.T) {
	cases := []struct {
		expr string
		from int64
		want []int64
	}{
		{"*/5 * * * * ?", 0, []int64{5000, 10000, 15000}},
		{"0 * * * * ?", 1, []int64{60000, 120000}},
		{"30 0 0 1 JAN ? 1971", 0, []int64{365*86400000 + 30000}},
		// 1970-01-01 was a Thursday: day 4 (THU) or day-of-month 3.
		{"0 0 0 3 * THU", 0, []int64{2 * 86400000, 7 * 86400000}},
		{"0 0 0 ? * 7", 0, []int64{3 * 86400000, 10 * 86400000}},
	}
	for _, c := range cases {
		cr, err := ParseCron(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		at := c.from
		for _, w := range c.want {
			got, ok := cr.Next(at)
			if !ok || got != w {
				t.Errorf("%q: Next(%d) = %d %v, want %d", c.expr, at, got, ok, w)
				break
			}
			at = got
		}
	}
}

func TestRingAndTable(t *testing.T) {
	var r Ring[int]
	for i := range 20 {
		*r.Push() = i
	}
	for i := range 15 {
		if *r.Front() != i {
			t.Fatalf("front %d, want %d", *r.Front(), i)
		}
		r.PopFront()
	}
	r.RemoveAt(1)
	if r.Len() != 4 || *r.At(1) != 17 || *r.Back() != 19 {
		t.Fatalf("after RemoveAt: len %d at1 %d", r.Len(), *r.At(1))
	}
	var tb Table[string, int]
	i, isNew := tb.Lookup("a")
	*tb.At(i) = 7
	j, _ := tb.Lookup("b")
	if k, n := tb.Lookup("a"); k != i || n || *tb.At(k) != 7 {
		t.Fatal("lookup of a present key")
	}
	tb.Delete(i)
	if k, n := tb.Lookup("c"); k != i || !n || !isNew || tb.Len() != 2 {
		t.Fatal("slot not reused")
	}
	_ = j
}

func TestAggKernels(t *testing.T) {
	var mn MinFIFO[int64]
	var mx MaxFIFO[int64]
	var ms Multiset[int64]
	vals := []int64{5, 3, 8, 3, 9, 1, 7}
	const w = 3
	for i, v := range vals {
		if i >= w {
			mn.Remove(vals[i-w])
			mx.Remove(vals[i-w])
			ms.Remove(vals[i-w])
		}
		mn.Add(v)
		mx.Add(v)
		ms.Add(v)
		lo, hi := v, v
		for _, x := range vals[max(0, i-w+1) : i+1] {
			lo, hi = min(lo, x), max(hi, x)
		}
		if mn.Value() != lo || mx.Value() != hi || ms.Min() != lo || ms.Max() != hi {
			t.Fatalf("step %d: min %d/%d max %d/%d, want %d %d", i, mn.Value(), ms.Min(), mx.Value(), ms.Max(), lo, hi)
		}
	}
	var m Moments
	for _, v := range []float64{2, 4, 4, 4, 5, 5, 7, 9} {
		m.Add(v)
	}
	if m.StdDev() != 2 {
		t.Errorf("stddev = %v, want 2", m.StdDev())
	}
	m.Remove(2)
	m.Remove(4)
	var m2 Moments
	for _, v := range []float64{4, 4, 5, 5, 7, 9} {
		m2.Add(v)
	}
	if d := m.Variance() - m2.Variance(); d > 1e-9 || d < -1e-9 {
		t.Errorf("variance after removal %v, want %v", m.Variance(), m2.Variance())
	}
}

// Results of empty kernels are read before their null flag: they must not panic.
func TestEmptyKernels(t *testing.T) {
	var mn MinFIFO[int32]
	var ms Multiset[float64]
	var vs Values[string]
	var av Avg
	_, _, _, _, _, _ = mn.Value(), ms.Min(), ms.Max(), vs.First(), vs.Last(), av.Mean()
}
