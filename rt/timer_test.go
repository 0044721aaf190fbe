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
	tb.Delete(i) // deleting twice is deleting once
	if _, ok := tb.Find("a"); ok || tb.Live(i) || tb.Len() != 1 {
		t.Fatal("deleted key still found")
	}
	if k, n := tb.Lookup("a"); k != i || !n || !isNew || tb.Len() != 2 {
		t.Fatal("a deleted key that comes back is not new in its old slot")
	}
	_ = j
}

// Deleted slots are removed from the index once they outnumber the live
// ones, and then reused: the table stays bounded by about twice its live
// keys however many distinct keys pass through it.
func TestTableBounded(t *testing.T) {
	var tb Table[int, int]
	const live = 100
	for k := range 1_000_000 {
		i, _ := tb.Lookup(k)
		*tb.At(i) = k
		if k >= live {
			j, ok := tb.Find(k - live)
			if !ok || *tb.At(j) != k-live {
				t.Fatalf("key %d lost", k-live)
			}
			tb.Delete(j)
		}
		if tb.Len() != min(k+1, live) {
			t.Fatalf("Len %d after key %d", tb.Len(), k)
		}
	}
	if n := tb.Slots(); n > 2*(live+minPurge)+1 {
		t.Errorf("%d slots for %d live keys", n, live)
	}
	if n := len(tb.index); n > 2*(live+minPurge)+1 {
		t.Errorf("%d index entries for %d live keys", n, live)
	}
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

// Timers scheduled through Chains fire in the same order, at the same
// times, as the same timers scheduled directly.
func TestChainOrder(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var ops []chainOp
	last := [3]int64{}
	for at := int64(0); at < 2000; at += int64(r.Intn(5)) {
		c := int32(r.Intn(4)) - 1
		d := int64(r.Intn(40))
		if c >= 0 {
			d = max(d, last[c]-at) // a chain's dues only grow
			last[c] = at + d
		}
		ops = append(ops, chainOp{at, at + d, c})
	}
	// The first half of the timers share their argument (the chain keeps
	// it once), the others carry their own.
	arg := func(i int) int32 {
		if i > len(ops)/2 {
			return int32(i)
		}
		return 0
	}
	sameFiring(t, ops, arg, false)
}

// chainOp schedules a timer at the clock at, on chain chain (-1: directly).
type chainOp struct {
	at, due int64
	chain   int32
}

// alone is added to the kind of a timer that Chain.ScheduleOr put on the
// queue on its own, to tell it from the chain's.
const alone = 10

// fireAll schedules ops on a queue, chained (through Schedule, or
// ScheduleOr with or) or each directly, and returns the timers in firing
// order (their seq cleared and alone taken off their kind), the longest
// run a chain held and the most timers one held.
func fireAll(ops []chainOp, arg func(i int) int32, chained, or bool) (fired []Timer, longest, most int) {
	var q TimerQueue
	var chains [3]Chain
	advance := func(ts int64) {
		for {
			tm, ok := q.PopDue(ts)
			if !ok {
				return
			}
			if chained && tm.Kind >= 0 && tm.Kind < alone {
				chains[tm.Kind].Fired(&q)
			}
			if tm.Kind >= alone {
				tm.Kind -= alone
			}
			tm.seq = 0
			fired = append(fired, tm)
		}
	}
	for i, o := range ops {
		advance(o.at)
		if !chained || o.chain < 0 {
			q.Schedule(o.due, o.chain, arg(i))
			continue
		}
		c := &chains[o.chain]
		if or {
			c.ScheduleOr(&q, o.due, o.chain, o.chain+alone, arg(i))
		} else {
			c.Schedule(&q, o.due, o.chain, arg(i))
		}
		if c.due.Len() > 0 {
			longest = max(longest, c.runs.Back().n)
		}
		most = max(most, c.Len())
	}
	advance(1 << 40)
	return fired, longest, most
}

// sameFiring checks that ops fire in the same order chained as scheduled
// each directly, and returns the longest run a chain held and the most
// timers one held.
func sameFiring(t *testing.T, ops []chainOp, arg func(i int) int32, or bool) (longest, most int) {
	t.Helper()
	plain, _, _ := fireAll(ops, arg, false, false)
	chained, longest, most := fireAll(ops, arg, true, or)
	if len(plain) != len(ops) || len(chained) != len(plain) {
		t.Fatalf("fired %d and %d timers, want %d", len(plain), len(chained), len(ops))
	}
	for i := range plain {
		if plain[i] != chained[i] {
			t.Fatalf("timer %d: chained %+v, plain %+v", i, chained[i], plain[i])
		}
	}
	return longest, most
}

// The null key has a slot of its own, counted, deleted and reused like
// the others.
func TestTableNull(t *testing.T) {
	var tb Table[string, int]
	n, isNew := tb.LookupNull()
	e, _ := tb.Lookup("")
	if !isNew || n == e || tb.Len() != 2 {
		t.Fatal("null key and empty string share a slot")
	}
	if i, isNew := tb.LookupNull(); i != n || isNew {
		t.Fatal("null key not found")
	}
	tb.Delete(n)
	if tb.Len() != 1 || tb.Live(n) {
		t.Fatal("null key not deleted")
	}
	if i, isNew := tb.LookupNull(); i != n || !isNew || tb.Len() != 2 {
		t.Fatal("deleted null key not new in its slot")
	}
	tb.Delete(n)
	for k := range 3 * minPurge {
		i, _ := tb.Lookup(string(rune('a'+k%26)) + string(rune(k)))
		tb.Delete(i)
	}
	if tb.Len() != 1 || tb.null != 0 {
		t.Fatalf("after purge: Len %d, null %d", tb.Len(), tb.null)
	}
	if _, isNew := tb.LookupNull(); !isNew || tb.Len() != 2 {
		t.Fatal("null key not added back after purge")
	}
}

// Timers scheduled through Chain.ScheduleOr, whose due times need not
// grow, fire in the same order, at the same times, as the same timers
// scheduled directly.
func TestChainScheduleOr(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var ops []chainOp
	for at := int64(0); at < 3000; at += int64(r.Intn(4)) {
		d := int64(r.Intn(50))
		if r.Intn(5) > 0 {
			d = 30 // mostly growing, as WITHIN expiries
		}
		ops = append(ops, chainOp{at, at + d, int32(r.Intn(4)) - 1})
	}
	if _, most := sameFiring(t, ops, func(i int) int32 { return int32(i) }, true); most < 2 {
		t.Fatal("no timer waited in a chain")
	}
}

// A chain's run of timers scheduled with nothing else in between shares
// one place in the scheduling order (Chain): timers of other producers due
// at the same instants, scheduled before, inside and after the runs, must
// still fire in the order of a plain queue. Few distinct due times make
// ties the rule.
func TestChainRunTies(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	var ops []chainOp
	last := [3]int64{}
	for at := int64(0); at < 3000; at += int64(r.Intn(3)) {
		c := int32(0) // long runs of chain 0
		if r.Intn(6) == 0 {
			c = int32(r.Intn(3)) - 1
		}
		d := int64(r.Intn(3)) * 4
		if c >= 0 {
			d = max(d, last[c]-at)
			last[c] = at + d
		}
		ops = append(ops, chainOp{at, at + d, c})
	}
	arg := func(i int) int32 { return int32(i) } // tells the timers apart
	if longest, _ := sameFiring(t, ops, arg, false); longest < 3 {
		t.Fatalf("longest run %d: no run shared a place in the order", longest)
	}
}
