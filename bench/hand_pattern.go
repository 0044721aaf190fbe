package bench

// patternRow is an output row of the pattern workload.
type patternRow struct {
	key    string
	p1, p2 float64
}

// handPattern is the pattern workload by hand:
// EVERY e1=A -> e2=B[key = e1.key AND price > e1.price] WITHIN 1 minute.
// Every A (stream 0) waits in its key's queue, oldest first; a B (stream 1)
// completes, in that order, every waiting A of its key with a lower price
// that is at most a minute older. A waiting A older than a minute is
// dropped when its key is next seen.
type handPattern struct {
	d       *data
	waiting map[string]*fifo[waitingA]
	out     patternRow
	emit    func(ts int64, r *patternRow)
	res     result
}

type waitingA struct {
	price float64
	ts    int64
}

func newHandPattern(d *data) runner {
	h := &handPattern{d: d, waiting: make(map[string]*fifo[waitingA])}
	h.emit = func(ts int64, r *patternRow) {
		h.res.rows++
		h.res.sum += r.p2 - r.p1
	}
	return h
}

func (h *handPattern) run(from, to int) {
	for i := from; i < to; i++ {
		e := &h.d.events[i&h.d.mask]
		if e.stream == 0 {
			h.sendA(h.d.at(i), e)
		} else {
			h.sendB(h.d.at(i), e)
		}
	}
}

func (h *handPattern) sendA(ts int64, e *event) {
	q := h.waiting[e.key]
	if q == nil {
		q = new(fifo[waitingA])
		h.waiting[e.key] = q
	}
	expire(q, ts)
	q.push(waitingA{e.price, ts})
}

func (h *handPattern) sendB(ts int64, e *event) {
	q := h.waiting[e.key]
	if q == nil {
		return
	}
	expire(q, ts)
	kept := 0
	for i := range q.len() {
		a := *q.at(i)
		if e.price > a.price {
			h.out = patternRow{key: e.key, p1: a.price, p2: e.price}
			h.emit(ts, &h.out)
			continue
		}
		*q.at(kept) = a
		kept++
	}
	q.truncate(kept)
}

// expire drops the waiting As that are more than a minute older than ts.
func expire(q *fifo[waitingA], ts int64) {
	for q.len() > 0 && ts-q.front().ts > minute {
		q.pop()
	}
}

func (h *handPattern) result() result { return h.res }
