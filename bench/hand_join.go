package bench

// joinRow is an output row of the join workload.
type joinRow struct {
	symbol string
	price  float64
	bid    float64
}

// handJoin is the join workload by hand: Trades (stream 0) and Quotes
// (stream 1), each in a length(1000) window, joined on symbol. Each window
// is a ring whose slots of one symbol are chained oldest first, so a probe
// visits exactly the matching events, in window order. Expired events are
// not probed: the query emits only current rows and has no aggregates.
type handJoin struct {
	d      *data
	trades joinWindow
	quotes joinWindow
	out    joinRow
	emit   func(ts int64, r *joinRow)
	res    result
}

func newHandJoin(d *data) runner {
	h := &handJoin{d: d}
	h.trades.init()
	h.quotes.init()
	h.emit = func(ts int64, r *joinRow) {
		h.res.rows++
		h.res.sum += r.price + r.bid
	}
	return h
}

func (h *handJoin) run(from, to int) {
	for i := from; i < to; i++ {
		e := &h.d.events[i&h.d.mask]
		if e.stream == 0 {
			h.sendTrade(h.d.at(i), e)
		} else {
			h.sendQuote(h.d.at(i), e)
		}
	}
}

func (h *handJoin) sendTrade(ts int64, e *event) {
	h.trades.add(e.key, e.price)
	for j := h.quotes.first(e.key); j >= 0; j = h.quotes.slots[j].next {
		h.out = joinRow{symbol: e.key, price: e.price, bid: h.quotes.slots[j].value}
		h.emit(ts, &h.out)
	}
}

func (h *handJoin) sendQuote(ts int64, e *event) {
	h.quotes.add(e.key, e.price)
	for j := h.trades.first(e.key); j >= 0; j = h.trades.slots[j].next {
		h.out = joinRow{symbol: e.key, price: h.trades.slots[j].value, bid: e.price}
		h.emit(ts, &h.out)
	}
}

func (h *handJoin) result() result { return h.res }

// joinWindow is a length(1000) window indexed by symbol.
type joinWindow struct {
	slots [1000]joinSlot
	head  int // the oldest slot once full
	n     int
	keys  map[string]*joinChain
}

type joinSlot struct {
	chain *joinChain
	value float64
	next  int32 // the next slot of the same symbol, -1 at the end
}

// joinChain lists a symbol's slots, oldest first.
type joinChain struct {
	first, last int32 // -1 when empty
}

func (w *joinWindow) init() { w.keys = make(map[string]*joinChain) }

// first returns the oldest slot holding symbol, or -1.
func (w *joinWindow) first(symbol string) int32 {
	if c := w.keys[symbol]; c != nil {
		return c.first
	}
	return -1
}

func (w *joinWindow) add(symbol string, value float64) {
	if w.n == len(w.slots) { // the oldest event leaves: it heads its chain
		old := &w.slots[w.head]
		old.chain.first = old.next
		if old.next < 0 {
			old.chain.last = -1
		}
		w.head++
		if w.head == len(w.slots) {
			w.head = 0
		}
		w.n--
	}
	c := w.keys[symbol]
	if c == nil {
		c = &joinChain{first: -1, last: -1}
		w.keys[symbol] = c
	}
	i := w.head + w.n
	if i >= len(w.slots) {
		i -= len(w.slots)
	}
	w.slots[i] = joinSlot{chain: c, value: value, next: -1}
	if c.last >= 0 {
		w.slots[c.last].next = int32(i)
	} else {
		c.first = int32(i)
	}
	c.last = int32(i)
	w.n++
}
