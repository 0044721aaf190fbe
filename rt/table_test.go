package rt

import "testing"

// Slot gives the value of a live slot only: not of a deleted one, nor
// after Clear.
func TestTableSlot(t *testing.T) {
	var tb Table[string, int]
	if tb.Slot(0) != nil {
		t.Fatal("slot of an empty table")
	}
	i, _ := tb.Lookup("a")
	*tb.At(i) = 7
	if v := tb.Slot(i); v == nil || *v != 7 {
		t.Fatal("live slot not found")
	}
	tb.Delete(i)
	if tb.Slot(i) != nil {
		t.Fatal("deleted slot found")
	}
	tb.Lookup("a")
	tb.Clear()
	if tb.Slot(i) != nil {
		t.Fatal("slot found after Clear")
	}
}

// RemoveAt keeps the order of the rest; Clear leaves every slot zero,
// the ring wrapped around or not.
func TestRingRemoveClear(t *testing.T) {
	var r Ring[int]
	for wrap := range 10 {
		for i := range wrap {
			*r.Push() = i + 1
			r.PopFront()
		}
		for i := range 5 {
			*r.Push() = 10 + i
		}
		r.RemoveAt(0)
		r.RemoveAt(2)
		r.RemoveAt(r.Len() - 1)
		if r.Len() != 2 || *r.At(0) != 11 || *r.At(1) != 12 {
			t.Fatalf("wrap %d: %d events, %d %d", wrap, r.Len(), *r.At(0), *r.At(1))
		}
		r.Clear()
		for i, v := range r.buf {
			if v != 0 {
				t.Fatalf("wrap %d: slot %d is %d after Clear", wrap, i, v)
			}
		}
	}
}
