package rt

// Ring is a FIFO of T in a circular buffer that doubles when full: the
// contents of a window. The zero value is empty; Grow preallocates.
type Ring[T any] struct {
	buf  []T
	head int
	n    int
}

// Grow makes room for n events without further allocation.
func (r *Ring[T]) Grow(n int) {
	if n > len(r.buf) {
		r.resize(n)
	}
}

func (r *Ring[T]) resize(c int) {
	size := 8
	for size < c {
		size *= 2
	}
	buf := make([]T, size)
	for i := 0; i < r.n; i++ {
		buf[i] = r.buf[(r.head+i)&(len(r.buf)-1)]
	}
	r.buf, r.head = buf, 0
}

// Len is the number of events held.
func (r *Ring[T]) Len() int { return r.n }

// Push appends a zero T and returns it for filling; valid until the next Push.
// The slot is zero already: every slot not holding an event is (the pops,
// RemoveAt and Clear zero the slots they free; resize copies only events).
func (r *Ring[T]) Push() *T {
	if r.n == len(r.buf) {
		r.resize(r.n + 1)
	}
	p := &r.buf[(r.head+r.n)&(len(r.buf)-1)]
	r.n++
	return p
}

// Front is the oldest event; the ring must not be empty.
func (r *Ring[T]) Front() *T { return &r.buf[r.head] }

// Back is the newest event; the ring must not be empty.
func (r *Ring[T]) Back() *T { return &r.buf[(r.head+r.n-1)&(len(r.buf)-1)] }

// At is the i-th oldest event.
func (r *Ring[T]) At(i int) *T { return &r.buf[(r.head+i)&(len(r.buf)-1)] }

// PopFront removes the oldest event.
func (r *Ring[T]) PopFront() {
	var zero T
	r.buf[r.head] = zero
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.n--
}

// PopBack removes the newest event.
func (r *Ring[T]) PopBack() {
	var zero T
	*r.Back() = zero
	r.n--
}

// RemoveAt removes the i-th oldest event, keeping the order of the rest.
func (r *Ring[T]) RemoveAt(i int) {
	if i == 0 {
		r.PopFront() // the common case: the oldest leaves first
		return
	}
	for j := i; j+1 < r.n; j++ {
		*r.At(j) = *r.At(j + 1)
	}
	r.PopBack()
}

// Clear removes every event, keeping the buffer. Slots not holding an
// event are zero already (Push, the pops and RemoveAt keep them so), so
// only the events are cleared: clearing an empty ring costs nothing.
func (r *Ring[T]) Clear() {
	if end := r.head + r.n; end <= len(r.buf) {
		clear(r.buf[r.head:end])
	} else {
		clear(r.buf[r.head:])
		clear(r.buf[:end-len(r.buf)])
	}
	r.head, r.n = 0, 0
}

// Swap exchanges the contents of r and o (a flushed batch becoming the
// previous batch without copying).
func (r *Ring[T]) Swap(o *Ring[T]) { *r, *o = *o, *r }
