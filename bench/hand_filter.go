package bench

// filteredRow is an output row of the filter workload.
type filteredRow struct {
	symbol string
	price  float64
	volume int64
}

// handFilter is the filter workload by hand:
// WHERE price > 100 AND volume < 1000, projecting symbol, price, volume.
type handFilter struct {
	d    *data
	out  filteredRow // the row being delivered, owned by handFilter
	emit func(ts int64, r *filteredRow)
	res  result
}

func newHandFilter(d *data) runner {
	h := &handFilter{d: d}
	h.emit = func(ts int64, r *filteredRow) {
		h.res.rows++
		h.res.sum += r.price + float64(r.volume)
	}
	return h
}

func (h *handFilter) run(from, to int) {
	for i := from; i < to; i++ {
		h.send(h.d.at(i), &h.d.events[i&h.d.mask])
	}
}

func (h *handFilter) send(ts int64, e *event) {
	if e.price > 100 && e.volume < 1000 {
		h.out = filteredRow{symbol: e.key, price: e.price, volume: e.volume}
		h.emit(ts, &h.out)
	}
}

func (h *handFilter) result() result { return h.res }
