package rt

// Chunk is an ordered list of events delivered together (LANGUAGE.md §4.6):
// an input line, a window emission's output, a flushed batch. Generated
// code keeps one Chunk per producer and reuses it, so delivering a chunk
// allocates only while the buffers grow. TS[i] is the timestamp of Ev[i].
type Chunk[T any] struct {
	TS []int64
	Ev []T
}

// Len is the number of events.
func (c *Chunk[T]) Len() int { return len(c.Ev) }

// Reset empties the chunk, keeping its buffers.
func (c *Chunk[T]) Reset() {
	clear(c.Ev) // drop references to strings of earlier events
	c.TS = c.TS[:0]
	c.Ev = c.Ev[:0]
}

// Append adds a zero event with timestamp ts and returns it for filling.
// The pointer is valid until the next Append or Put.
func (c *Chunk[T]) Append(ts int64) *T {
	c.TS = append(c.TS, ts)
	n := len(c.Ev)
	if n == cap(c.Ev) {
		c.grow()
	}
	// Zeroed in place: append(c.Ev, zero) copies a zero value built on the
	// stack, which stalls store forwarding.
	c.Ev = c.Ev[:n+1]
	var zero T
	c.Ev[n] = zero
	return &c.Ev[n]
}

// grow doubles the capacity of Ev.
func (c *Chunk[T]) grow() {
	ev := make([]T, len(c.Ev), max(4, 2*cap(c.Ev)))
	copy(ev, c.Ev)
	c.Ev = ev
}

// Put returns the event at i (i ≤ Len) zeroed, with timestamp ts,
// appending when i == Len: the slot of a collapsed row (§6.2).
func (c *Chunk[T]) Put(i int, ts int64) *T {
	if i == len(c.Ev) {
		return c.Append(ts)
	}
	var zero T
	c.TS[i] = ts
	c.Ev[i] = zero
	return &c.Ev[i]
}

// DropLast removes the last event (a row that HAVING rejected).
func (c *Chunk[T]) DropLast() {
	var zero T
	n := len(c.Ev) - 1
	c.Ev[n] = zero
	c.Ev = c.Ev[:n]
	c.TS = c.TS[:n]
}

// Keep keeps the events [off, off+n) (clipped to the chunk), moving them
// to the front: OFFSET off LIMIT n (§6.5). n < 0 keeps all after off.
func (c *Chunk[T]) Keep(off, n int) {
	l := len(c.Ev)
	off = min(off, l)
	if n < 0 || off+n > l {
		n = l - off
	}
	if off > 0 {
		copy(c.Ev, c.Ev[off:off+n])
		copy(c.TS, c.TS[off:off+n])
	}
	clear(c.Ev[n:])
	c.Ev = c.Ev[:n]
	c.TS = c.TS[:n]
}

// KeepFrom is Keep applied to the events from lo on, leaving [0, lo)
// untouched: OFFSET and LIMIT of one emission whose rows start at lo (a
// join probe's emission, §6.2 step 3, inside the chunk of its incoming
// chunk's probes, §8).
func (c *Chunk[T]) KeepFrom(lo, off, n int) {
	l := len(c.Ev) - lo
	off = min(off, l)
	if n < 0 || off+n > l {
		n = l - off
	}
	if off > 0 {
		copy(c.Ev[lo:], c.Ev[lo+off:lo+off+n])
		copy(c.TS[lo:], c.TS[lo+off:lo+off+n])
	}
	clear(c.Ev[lo+n:])
	c.Ev = c.Ev[:lo+n]
	c.TS = c.TS[:lo+n]
}

// Single makes the chunk hold only e at ts (an input line).
func (c *Chunk[T]) Single(ts int64, e *T) {
	if cap(c.Ev) == 0 {
		c.Ev = make([]T, 1)
		c.TS = make([]int64, 1)
	}
	c.Ev = c.Ev[:1]
	c.TS = c.TS[:1]
	c.Ev[0] = *e
	c.TS[0] = ts
}

// Put sets s[i] = v for i ≤ len(s), appending when i == len(s): the
// companion of Chunk.Put for slices kept parallel to a chunk.
func Put[T any](s []T, i int, v T) []T {
	if i == len(s) {
		return append(s, v)
	}
	s[i] = v
	return s
}

// Keep is Chunk.Keep for a slice kept parallel to a chunk.
func Keep[T any](s []T, off, n int) []T {
	l := len(s)
	off = min(off, l)
	if n < 0 || off+n > l {
		n = l - off
	}
	copy(s, s[off:off+n])
	clear(s[n:])
	return s[:n]
}

// KeepFrom is Chunk.KeepFrom for a slice kept parallel to a chunk.
func KeepFrom[T any](s []T, lo, off, n int) []T {
	l := len(s) - lo
	off = min(off, l)
	if n < 0 || off+n > l {
		n = l - off
	}
	copy(s[lo:], s[lo+off:lo+off+n])
	clear(s[lo+n:])
	return s[:lo+n]
}
