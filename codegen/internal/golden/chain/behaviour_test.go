package chain

import (
	"fmt"
	"reflect"
	"testing"
)

// One input event reaches every consumer in source order, each completely
// (depth-first) before the next, and subscribers after the queries.
func TestDeliveryOrder(t *testing.T) {
	a := New()
	var log []string
	a.OnA(func(ts int64, e *A) { log = append(log, fmt.Sprintf("A(%d)", e.X)) })
	a.OnB(func(ts int64, e *B) { log = append(log, fmt.Sprintf("B(%d,%d)", e.X, e.Y)) })
	a.OnC(func(ts int64, e *C) { log = append(log, fmt.Sprintf("C(%d)", e.Z)) })
	a.OnWide(func(ts int64, e *Wide) { log = append(log, fmt.Sprintf("Wide(%d,%g)", e.X, e.Y)) })
	a.OnDropped(func(ts int64, e *Dropped) { log = append(log, "Dropped") })
	a.SendA(1, &A{X: 7})
	a.SendA(2, &A{X: 0}) // q2 filters; q3's HAVING z > 3 drops C(1)
	want := []string{
		"C(71)", "Wide(7,70)", "B(7,70)", "Wide(7,7)", "A(7)",
		"Wide(0,0)", "B(0,0)", "A(0)",
	}
	if !reflect.DeepEqual(log, want) {
		t.Errorf("got  %v\nwant %v", log, want)
	}
}

func TestNullThroughChain(t *testing.T) {
	a := New()
	var got []Wide
	a.OnWide(func(ts int64, e *Wide) { got = append(got, *e) })
	a.SendA(1, &A{Null: 1})
	if len(got) != 1 || got[0].Null != 3 {
		t.Errorf("got %+v, want one all-null Wide (from q4)", got)
	}
}

// A query reading and writing the same stream recurses; every level sees
// its own event.
func TestCycle(t *testing.T) {
	a := New()
	var got []int32
	a.OnLoop(func(ts int64, e *Loop) { got = append(got, e.N) })
	a.SendLoop(1, &Loop{N: 3})
	if want := []int32{0, 1, 2, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
