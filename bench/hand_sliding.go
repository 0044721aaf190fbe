package bench

// slidingRow is an output row of the sliding workload.
type slidingRow struct {
	symbol                    string
	total, average, low, high float64
}

// handSliding is the sliding workload by hand: SUM, AVG, MIN, MAX of price
// GROUP BY symbol over the last 1000 events. Events of one group leave the
// window in the order they entered it, so each group keeps a running sum
// and a monotonic deque for MIN and one for MAX (amortised O(1)).
type handSliding struct {
	d      *data
	groups map[string]*slidingGroup
	window [1000]slidingSlot // a ring of the last 1000 events
	head   int               // the oldest slot once the window is full
	n      int
	seq    uint64 // arrival number of the next event
	out    slidingRow
	emit   func(ts int64, r *slidingRow)
	res    result
}

type slidingSlot struct {
	g     *slidingGroup
	price float64
	seq   uint64
}

type slidingGroup struct {
	sum      float64
	count    int64
	min, max deque // values in the window that can still become the min/max
}

func newHandSliding(d *data) runner {
	h := &handSliding{d: d, groups: make(map[string]*slidingGroup)}
	h.emit = func(ts int64, r *slidingRow) {
		h.res.rows++
		h.res.sum += r.total + r.average + r.low + r.high
	}
	return h
}

func (h *handSliding) run(from, to int) {
	for i := from; i < to; i++ {
		h.send(h.d.at(i), &h.d.events[i&h.d.mask])
	}
}

func (h *handSliding) send(ts int64, e *event) {
	g := h.groups[e.key]
	if g == nil {
		g = &slidingGroup{}
		h.groups[e.key] = g
	}
	// The oldest event leaves: its group forgets it (and emits nothing).
	if h.n == len(h.window) {
		old := &h.window[h.head]
		og := old.g
		og.sum -= old.price
		og.count--
		og.min.dropFront(old.seq)
		og.max.dropFront(old.seq)
		h.head++
		if h.head == len(h.window) {
			h.head = 0
		}
		h.n--
	}
	slot := h.head + h.n
	if slot >= len(h.window) {
		slot -= len(h.window)
	}
	h.window[slot] = slidingSlot{g: g, price: e.price, seq: h.seq}
	h.n++
	g.sum += e.price
	g.count++
	g.min.pushMin(h.seq, e.price)
	g.max.pushMax(h.seq, e.price)
	h.seq++

	h.out = slidingRow{symbol: e.key, total: g.sum, average: g.sum / float64(g.count),
		low: g.min.front(), high: g.max.front()}
	h.emit(ts, &h.out)
}

func (h *handSliding) result() result { return h.res }

// deque is a ring buffer of (arrival number, value) pairs, oldest first,
// used as a monotonic deque for a sliding MIN or MAX.
type deque struct {
	buf  []dequeEntry // len is a power of two
	head int
	n    int
}

type dequeEntry struct {
	seq uint64
	v   float64
}

// pushMin adds v, first dropping the newer values that v makes irrelevant
// for the minimum.
func (q *deque) pushMin(seq uint64, v float64) {
	for q.n > 0 && q.back().v >= v {
		q.n--
	}
	q.push(dequeEntry{seq, v})
}

// pushMax is pushMin for the maximum.
func (q *deque) pushMax(seq uint64, v float64) {
	for q.n > 0 && q.back().v <= v {
		q.n--
	}
	q.push(dequeEntry{seq, v})
}

// dropFront removes the front entry if it is the value that arrived as seq.
func (q *deque) dropFront(seq uint64) {
	if q.n > 0 && q.buf[q.head].seq == seq {
		q.head = (q.head + 1) & (len(q.buf) - 1)
		q.n--
	}
}

func (q *deque) front() float64 { return q.buf[q.head].v }

func (q *deque) back() *dequeEntry {
	return &q.buf[(q.head+q.n-1)&(len(q.buf)-1)]
}

func (q *deque) push(e dequeEntry) {
	if q.n == len(q.buf) {
		q.grow()
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = e
	q.n++
}

func (q *deque) grow() {
	buf := make([]dequeEntry, max(4, 2*len(q.buf)))
	for i := range q.n {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}
