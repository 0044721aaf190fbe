package rt

import (
	"cmp"
	"math"
)

// Aggregate kernels (LANGUAGE.md §6.1). Generated group structs hold one
// kernel per aggregate call; nulls never reach a kernel (generated code
// skips them). Kernels are plain values: Reset keeps their buffers, so a
// reused group slot does not allocate.

// Sum is SUM over INT/LONG (S int64, wrapping) or FLOAT/DOUBLE (S float64).
// N counts the values held: the sum is null when N is 0.
type Sum[S int64 | float64] struct {
	S S
	N int64
}

func (a *Sum[S]) Add(v S)    { a.S += v; a.N++ }
func (a *Sum[S]) Remove(v S) { a.S -= v; a.N-- }
func (a *Sum[S]) Reset()     { *a = Sum[S]{} }

// Mean is AVG over the same values, S/N in DOUBLE: a query computing SUM
// and AVG of one DOUBLE argument keeps one sum (exactly Avg's).
// Meaningless when N is 0 (null).
func (a *Sum[S]) Mean() float64 { return float64(a.S) / float64(a.N) }

// Avg is AVG: the sum in DOUBLE over N values.
type Avg struct {
	S float64
	N int64
}

func (a *Avg) Add(v float64)    { a.S += v; a.N++ }
func (a *Avg) Remove(v float64) { a.S -= v; a.N-- }
func (a *Avg) Reset()           { *a = Avg{} }

// Mean is S/N; meaningless when N is 0 (null).
func (a *Avg) Mean() float64 { return a.S / float64(a.N) }

// Moments is STDDEV and VARIANCE (population), updated with Welford's
// method in both directions.
type Moments struct {
	N        int64
	mean, m2 float64
}

func (a *Moments) Add(v float64) {
	a.N++
	d := v - a.mean
	a.mean += d / float64(a.N)
	a.m2 += d * (v - a.mean)
}

func (a *Moments) Remove(v float64) {
	if a.N <= 1 {
		*a = Moments{}
		return
	}
	d := v - a.mean
	a.N--
	a.mean -= d / float64(a.N)
	a.m2 -= d * (v - a.mean)
}

func (a *Moments) Reset() { *a = Moments{} }

// Variance is the population variance; meaningless when N is 0.
func (a *Moments) Variance() float64 {
	if a.N <= 1 || a.m2 < 0 {
		return 0
	}
	return a.m2 / float64(a.N)
}

// StdDev is the population standard deviation.
func (a *Moments) StdDev() float64 { return math.Sqrt(a.Variance()) }

// Best keeps the least or greatest value ever added: MIN/MAX without a
// window and MINFOREVER/MAXFOREVER. Ok is false until a value is added.
type Best[T cmp.Ordered] struct {
	V  T
	Ok bool
}

func (a *Best[T]) Min(v T) {
	if !a.Ok || v < a.V {
		a.V, a.Ok = v, true
	}
}

func (a *Best[T]) Max(v T) {
	if !a.Ok || v > a.V {
		a.V, a.Ok = v, true
	}
}

func (a *Best[T]) Reset() { *a = Best[T]{} }

// Kept is FIRST/LAST without a window: the first or the latest value
// added. Ok is false until a value is added.
type Kept[T any] struct {
	V  T
	Ok bool
}

func (a *Kept[T]) First(v T) {
	if !a.Ok {
		a.V, a.Ok = v, true
	}
}

func (a *Kept[T]) Last(v T) { a.V, a.Ok = v, true }
func (a *Kept[T]) Reset()   { *a = Kept[T]{} }

// MinFIFO is MIN over a window that removes values oldest first (sliding
// and batch windows): a monotonic deque, O(1) amortized per value, that
// never rescans the window.
type MinFIFO[T cmp.Ordered] struct{ q mono[T] }

// push appends v at the back, after Add dropped the values it dominates.
func (m *mono[T]) push(v T) {
	if m.n == len(m.buf) {
		m.grow()
	}
	m.buf[(m.head+m.n)&(len(m.buf)-1)] = monoItem[T]{m.in, v}
	m.n++
	m.in++
}

func (a *MinFIFO[T]) Add(v T) {
	m := &a.q
	for m.n > 0 && m.back().v >= v {
		m.n--
	}
	m.push(v)
}

func (a *MinFIFO[T]) Remove(v T) { a.q.remove() }
func (a *MinFIFO[T]) Reset()     { a.q.reset() }
func (a *MinFIFO[T]) Len() int   { return a.q.Len() }
func (a *MinFIFO[T]) Value() T   { return a.q.front() }

// MaxFIFO is MAX over a window that removes values oldest first.
type MaxFIFO[T cmp.Ordered] struct{ q mono[T] }

func (a *MaxFIFO[T]) Add(v T) {
	m := &a.q
	for m.n > 0 && m.back().v <= v {
		m.n--
	}
	m.push(v)
}

func (a *MaxFIFO[T]) Remove(v T) { a.q.remove() }
func (a *MaxFIFO[T]) Reset()     { a.q.reset() }
func (a *MaxFIFO[T]) Len() int   { return a.q.Len() }
func (a *MaxFIFO[T]) Value() T   { return a.q.front() }

// mono is a monotonic deque of (arrival number, value) in a ring buffer
// (a power of two long): values that can never become the extreme again
// are dropped on arrival. Dropped entries are not zeroed: a string value
// stays referenced until its entry is reused, at most the window's
// content.
type mono[T cmp.Ordered] struct {
	buf     []monoItem[T]
	head, n int
	in, out int64 // values added, values removed
}

type monoItem[T any] struct {
	n int64
	v T
}

func (m *mono[T]) Len() int { return int(m.in - m.out) }

func (m *mono[T]) back() *monoItem[T] { return &m.buf[(m.head+m.n-1)&(len(m.buf)-1)] }

func (m *mono[T]) grow() {
	buf := make([]monoItem[T], max(8, 2*len(m.buf)))
	for i := range m.n {
		buf[i] = m.buf[(m.head+i)&(len(m.buf)-1)]
	}
	m.buf, m.head = buf, 0
}

// remove removes the oldest value.
func (m *mono[T]) remove() {
	if m.n > 0 && m.buf[m.head].n == m.out {
		m.head = (m.head + 1) & (len(m.buf) - 1)
		m.n--
	}
	m.out++
}

// front is the extreme; the zero value when empty (the result is then
// null, but generated code reads the value before its null flag).
func (m *mono[T]) front() T {
	if m.n == 0 {
		var zero T
		return zero
	}
	return m.buf[m.head].v
}

func (m *mono[T]) reset() {
	m.head, m.n = 0, 0
	m.in, m.out = 0, 0
}

// Multiset is MIN/MAX over a window that removes values in any order
// (sort, unique, frequent, session windows): a sorted slice.
type Multiset[T cmp.Ordered] struct{ s []T }

func (a *Multiset[T]) Add(v T) {
	i := a.search(v)
	a.s = append(a.s, v)
	copy(a.s[i+1:], a.s[i:])
	a.s[i] = v
}

func (a *Multiset[T]) Remove(v T) {
	i := a.search(v)
	if i < len(a.s) && a.s[i] == v {
		a.s = append(a.s[:i], a.s[i+1:]...)
	}
}

func (a *Multiset[T]) search(v T) int {
	lo, hi := 0, len(a.s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.s[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (a *Multiset[T]) Reset()   { a.s = a.s[:0] }
func (a *Multiset[T]) Len() int { return len(a.s) }

// Min and Max are the zero value when the multiset is empty.
func (a *Multiset[T]) Min() T {
	if len(a.s) == 0 {
		var zero T
		return zero
	}
	return a.s[0]
}

func (a *Multiset[T]) Max() T {
	if len(a.s) == 0 {
		var zero T
		return zero
	}
	return a.s[len(a.s)-1]
}

// Values is FIRST/LAST over a window: the held non-null values in arrival
// order. Remove takes the oldest occurrence of the value, which is exact
// for windows that remove oldest first.
type Values[T comparable] struct{ r Ring[T] }

func (a *Values[T]) Add(v T) { *a.r.Push() = v }

func (a *Values[T]) Remove(v T) {
	if a.r.Len() > 0 && *a.r.Front() == v {
		a.r.PopFront()
		return
	}
	for i := 0; i < a.r.Len(); i++ {
		if *a.r.At(i) == v {
			a.r.RemoveAt(i)
			return
		}
	}
}

func (a *Values[T]) Reset()   { a.r.Clear() }
func (a *Values[T]) Len() int { return a.r.Len() }

// First and Last are the zero value when no value is held.
func (a *Values[T]) First() T {
	if a.r.Len() == 0 {
		var zero T
		return zero
	}
	return *a.r.Front()
}

func (a *Values[T]) Last() T {
	if a.r.Len() == 0 {
		var zero T
		return zero
	}
	return *a.r.Back()
}

// Distinct counts the distinct values held (DISTINCTCOUNT, COUNT(DISTINCT))
// and sums them (SUM(DISTINCT)): a map from value to multiplicity.
type Distinct[T comparable] struct{ m map[T]int32 }

// Add reports whether v was not held before.
func (a *Distinct[T]) Add(v T) bool {
	if a.m == nil {
		a.m = map[T]int32{}
	}
	a.m[v]++
	return a.m[v] == 1
}

// Remove reports whether the last occurrence of v went.
func (a *Distinct[T]) Remove(v T) bool {
	c, ok := a.m[v]
	switch {
	case !ok:
		return false
	case c <= 1:
		delete(a.m, v)
		return true
	}
	a.m[v] = c - 1
	return false
}

func (a *Distinct[T]) Reset()       { clear(a.m) }
func (a *Distinct[T]) Count() int64 { return int64(len(a.m)) }

// Bools is AND and OR over BOOL values: counts of true and false held.
type Bools struct{ T, F int64 }

func (a *Bools) Add(v bool) {
	if v {
		a.T++
	} else {
		a.F++
	}
}

func (a *Bools) Remove(v bool) {
	if v {
		a.T--
	} else {
		a.F--
	}
}

func (a *Bools) Reset()    { *a = Bools{} }
func (a *Bools) And() bool { return a.T > 0 && a.F == 0 }
func (a *Bools) Or() bool  { return a.T > 0 }
