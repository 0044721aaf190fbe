package bench

// fifo is a growable ring-buffer queue; it allocates only while it grows.
type fifo[T any] struct {
	buf  []T // len is zero or a power of two
	head int
	n    int
}

func (q *fifo[T]) len() int { return q.n }

// front returns the oldest element; the queue must not be empty.
func (q *fifo[T]) front() *T { return &q.buf[q.head] }

// at returns the i-th oldest element.
func (q *fifo[T]) at(i int) *T { return &q.buf[(q.head+i)&(len(q.buf)-1)] }

func (q *fifo[T]) push(v T) {
	if q.n == len(q.buf) {
		buf := make([]T, max(4, 2*len(q.buf)))
		for i := range q.n {
			buf[i] = *q.at(i)
		}
		q.buf, q.head = buf, 0
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = v
	q.n++
}

func (q *fifo[T]) pop() {
	var zero T
	q.buf[q.head] = zero // drop references for the GC
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.n--
}

// truncate keeps the k oldest elements.
func (q *fifo[T]) truncate(k int) {
	var zero T
	for i := k; i < q.n; i++ {
		*q.at(i) = zero
	}
	q.n = k
}
