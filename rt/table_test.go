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
