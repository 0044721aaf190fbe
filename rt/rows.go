package rt

// Rows is the storage of a table (LANGUAGE.md §3.2, §9): rows in insertion
// order, addressed by stable int32 slots. Deleting a row unlinks it in
// O(1) and frees its slot for a later row; an updated row keeps its slot
// and so its position. Iterate with
//
//	for i := r.First(); i >= 0; i = r.Next(i) { row := r.At(i) ... }
//
// reading Next before deleting i when the loop deletes.
type Rows[V any] struct {
	slots      []rowSlot[V]
	head, tail int32
	free       []int32
	n          int
	init       bool
}

type rowSlot[V any] struct {
	val        V
	prev, next int32
}

// Add appends a zero row and returns its slot and the row for filling;
// the pointer is valid until the next Add.
func (r *Rows[V]) Add() (int32, *V) {
	if !r.init {
		r.head, r.tail, r.init = -1, -1, true
	}
	var i int32
	if n := len(r.free); n > 0 {
		i = r.free[n-1]
		r.free = r.free[:n-1]
	} else {
		r.slots = append(r.slots, rowSlot[V]{})
		i = int32(len(r.slots) - 1)
	}
	s := &r.slots[i]
	var zero V
	s.val, s.prev, s.next = zero, r.tail, -1
	if r.tail >= 0 {
		r.slots[r.tail].next = i
	} else {
		r.head = i
	}
	r.tail = i
	r.n++
	return i, &s.val
}

// Delete removes the row in slot i.
func (r *Rows[V]) Delete(i int32) {
	s := &r.slots[i]
	if s.prev >= 0 {
		r.slots[s.prev].next = s.next
	} else {
		r.head = s.next
	}
	if s.next >= 0 {
		r.slots[s.next].prev = s.prev
	} else {
		r.tail = s.prev
	}
	var zero V
	s.val, s.prev, s.next = zero, -1, -1
	r.free = append(r.free, i)
	r.n--
}

// First is the slot of the oldest row, -1 when there is none.
func (r *Rows[V]) First() int32 {
	if !r.init {
		return -1
	}
	return r.head
}

// Next is the slot of the row after slot i, -1 at the end.
func (r *Rows[V]) Next(i int32) int32 { return r.slots[i].next }

// At is the row in slot i.
func (r *Rows[V]) At(i int32) *V { return &r.slots[i].val }

// Len is the number of rows.
func (r *Rows[V]) Len() int { return r.n }
