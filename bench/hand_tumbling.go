package bench

// tumblingRow is an output row of the tumbling workload.
type tumblingRow struct {
	symbol  string
	total   int64
	average float64
	n       int64
}

// handTumbling is the tumbling workload by hand: SUM(volume), AVG(price),
// COUNT() GROUP BY symbol over one-second batches anchored at the first
// event. At each boundary, one row per symbol of the closed batch, in the
// order the symbols first appeared in it, with the time of its last event.
type handTumbling struct {
	d       *data
	groups  map[string]*tumblingGroup
	batch   []*tumblingGroup // groups of the open batch, first-seen order
	epoch   int              // number of the open batch
	next    int64            // the end of the open batch
	started bool
	out     tumblingRow
	emit    func(ts int64, r *tumblingRow)
	res     result
}

type tumblingGroup struct {
	symbol   string
	epoch    int // the batch the sums belong to
	volume   int64
	price    float64
	n        int64
	lastTime int64
}

const second = 1000 // ms

func newHandTumbling(d *data) runner {
	h := &handTumbling{d: d, groups: make(map[string]*tumblingGroup)}
	h.emit = func(ts int64, r *tumblingRow) {
		h.res.rows++
		h.res.sum += float64(r.total) + r.average + float64(r.n)
	}
	return h
}

func (h *handTumbling) run(from, to int) {
	for i := from; i < to; i++ {
		h.send(h.d.at(i), &h.d.events[i&h.d.mask])
	}
}

func (h *handTumbling) send(ts int64, e *event) {
	if !h.started {
		h.started, h.next = true, ts+second
	}
	for ts >= h.next { // boundaries fire before events at the same time
		h.flush()
		h.next += second
	}
	g := h.groups[e.key]
	if g == nil {
		g = &tumblingGroup{symbol: e.key, epoch: -1}
		h.groups[e.key] = g
	}
	if g.epoch != h.epoch {
		g.epoch, g.volume, g.price, g.n = h.epoch, 0, 0, 0
		h.batch = append(h.batch, g)
	}
	g.volume += e.volume
	g.price += e.price
	g.n++
	g.lastTime = ts
}

func (h *handTumbling) flush() {
	for _, g := range h.batch {
		h.out = tumblingRow{symbol: g.symbol, total: g.volume, average: g.price / float64(g.n), n: g.n}
		h.emit(g.lastTime, &h.out)
	}
	clear(h.batch)
	h.batch = h.batch[:0]
	h.epoch++
}

func (h *handTumbling) result() result { return h.res }
