package bench

// timeCountRow is an output row of the timecount workload.
type timeCountRow struct {
	key string
	n   int64
}

// handTimeCount is the timecount workload by hand: COUNT() GROUP BY key over
// a one-minute sliding time window. Events expire in arrival order, when the
// clock reaches their time + 1 minute; the window is a queue of pointers to
// the counts they added to.
type handTimeCount struct {
	d      *data
	counts map[string]*int64
	window fifo[timedCount]
	out    timeCountRow
	emit   func(ts int64, r *timeCountRow)
	res    result
}

type timedCount struct {
	count *int64
	ts    int64
}

const minute = 60_000 // ms

func newHandTimeCount(d *data) runner {
	h := &handTimeCount{d: d, counts: make(map[string]*int64)}
	h.emit = func(ts int64, r *timeCountRow) {
		h.res.rows++
		h.res.sum += float64(r.n)
	}
	return h
}

func (h *handTimeCount) run(from, to int) {
	for i := from; i < to; i++ {
		h.send(h.d.at(i), &h.d.events[i&h.d.mask])
	}
}

func (h *handTimeCount) send(ts int64, e *event) {
	// Expire first: an event at exactly t + 1 minute no longer sees t's.
	for h.window.len() > 0 && h.window.front().ts+minute <= ts {
		*h.window.front().count--
		h.window.pop()
	}
	c := h.counts[e.key]
	if c == nil {
		c = new(int64)
		h.counts[e.key] = c
	}
	*c++
	h.window.push(timedCount{c, ts})
	h.out = timeCountRow{key: e.key, n: *c}
	h.emit(ts, &h.out)
}

func (h *handTimeCount) result() result { return h.res }
