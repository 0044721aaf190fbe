package rt

import (
	"slices"
	"testing"
)

func rowsOf(r *Rows[int]) []int {
	var out []int
	for i := r.First(); i >= 0; i = r.Next(i) {
		out = append(out, *r.At(i))
	}
	return out
}

func TestRowsOrder(t *testing.T) {
	var r Rows[int]
	if r.First() != -1 || r.Len() != 0 {
		t.Fatal("zero Rows not empty")
	}
	var slots []int32
	for v := 1; v <= 4; v++ {
		i, p := r.Add()
		*p = v
		slots = append(slots, i)
	}
	r.Delete(slots[0])
	r.Delete(slots[2])
	*r.At(slots[1]) = 20 // an update keeps the position
	_, p := r.Add()      // reuses a freed slot, appended at the end
	*p = 5
	if got, want := rowsOf(&r), []int{20, 4, 5}; !slices.Equal(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for i, next := r.First(), int32(0); i >= 0; i = next {
		next = r.Next(i)
		r.Delete(i)
	}
	if r.Len() != 0 || r.First() != -1 {
		t.Fatalf("after deleting all: len %d first %d", r.Len(), r.First())
	}
	_, p = r.Add()
	*p = 7
	if got := rowsOf(&r); !slices.Equal(got, []int{7}) {
		t.Fatalf("rows %v", got)
	}
}
