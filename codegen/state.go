package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
)

// removal is how a query's window removes events, which decides the
// aggregate kernels (MIN/MAX as a running value, a monotonic deque or a
// multiset).
type removal uint8

const (
	removeNever removal = iota // no window, firstUnique, delay: nothing expires
	removeFIFO                 // oldest first: sliding and batch windows
	removeAny                  // sort, unique, frequent, lossyFrequent, session
)

// state is what a query keeps between chunks, decided once from its plan.
type state struct {
	win      *plan.Window // nil without a window
	removal  removal
	aggs     []*plan.Agg // distinct aggregate calls, by ID
	grouped  bool        // GROUP BY
	collapse bool        // the selector collapses rows (§6.2 step 2)
	forever  bool        // MINFOREVER/MAXFOREVER: groups are never deleted
	// heldAttrs marks the input attributes the window keeps: those read
	// after the window (select, HAVING, ORDER BY, GROUP BY, aggregates)
	// and those the window itself reads.
	heldAttrs []bool
	// countHeld: groups count their held events, to be deleted when the
	// window holds none of them (bounded memory).
	countHeld bool
	// deletable: groups are deleted at the end of an emission when they
	// hold no event (or, without aggregates, always: they only serve
	// collapsing within the emission).
	deletable bool
	wantCur   bool // rows of current events are emitted
	wantExp   bool // rows of expired events are emitted
	tags      bool // rows carry their current/expired tag (ORDER BY runs, snapshots)
	rowKeys   bool // rows carry their group key (rate limiting per group)
	// sortKeys: some ORDER BY item is a source attribute that is not an
	// output column (§6.5); rows carry those values in q<N>Sort.
	sortKeys bool
	// rowSeqs: held events are numbered and rows carry the number of the
	// event that produced them (q<N>Seqs), so that a snapshot removes the
	// held row of exactly the event that expired (§7.3).
	rowSeqs bool
	// heldGroup: held events carry their group's slot, set when they
	// arrive, so that expiring one needs no lookup. Sound when every
	// expired event was selected as current and its group counts it
	// until then (countHeld; FIFO windows expire only such events, RESET
	// comes after the expired events of an emission), so the slot is
	// live and holds the same key.
	heldGroup bool
	// leanHeld: the selector reads a current event's attributes from the
	// input event, and held events keep only what expiring one reads:
	// its group's slot (heldGroup) and the attributes of the aggregate
	// arguments and window parameters. Sound when the window selects
	// each event as current on arrival, while the input event is at
	// hand (length, time, timeLength, externalTime), and expired events
	// produce no rows.
	leanHeld bool
	// incremental: a batch window's aggregates are updated as events
	// arrive and the batch is not stored (gen_batch.go).
	incremental bool
}

// stateful reports whether the query needs more than a filter and a
// projection per event.
func (q *query) stateful() bool {
	p := q.plan
	return q.win != nil || q.collapse || p.Rate != nil || len(p.OrderBy) > 0
}

// selects reports whether a pattern query runs its matches through the
// selector (§6.2: aggregation, GROUP BY) and the rate limiter (§7); other
// pattern queries project each match directly (§10.5).
func (q *query) selects() bool {
	p := q.plan
	return q.pat != nil && (p.Aggregating || len(p.GroupBy) > 0 || p.Rate != nil)
}

// windowed reports whether events are held by a window.
func (q *query) windowed() bool { return q.win != nil }

func (q *query) analyze() {
	p := q.plan
	if in, ok := p.Input.(*plan.StreamInput); ok {
		q.win = in.Window
		q.removal = windowRemoval(q.win)
		q.heldAttrs = make([]bool, len(q.in.plan.Attrs))
	} else if q.join != nil && q.join.canExpire() {
		// Expired joined rows carry whatever the other side exposes at
		// expiry, not what they matched on arrival: any order.
		q.removal = removeAny
	}
	q.grouped = len(p.GroupBy) > 0
	q.collapse = p.Aggregating || q.grouped
	seen := map[int]bool{}
	mark := func(e plan.Expr) {
		walk(e, func(x plan.Expr) {
			switch x := x.(type) {
			case *plan.Ref:
				if q.heldAttrs != nil && x.Source == 0 && !x.TableRow {
					q.heldAttrs[x.Attr] = true
				}
			case *plan.Agg:
				if !seen[x.ID] {
					seen[x.ID] = true
					q.aggs = append(q.aggs, x)
				}
				if x.Kind == plan.AggMinForever || x.Kind == plan.AggMaxForever {
					q.forever = true
				}
			}
		})
	}
	for _, c := range p.Select {
		mark(c.Expr)
	}
	mark(p.Having)
	for _, o := range p.OrderBy {
		mark(o.Expr)
	}
	for _, g := range p.GroupBy {
		mark(g)
	}
	mark(p.On) // UPSERT ... ON reads the input event
	if q.win != nil && q.heldAttrs != nil {
		keyed := false
		for _, x := range q.win.Params {
			if _, ok := x.(*plan.Ref); ok {
				keyed = true
			}
			mark(x)
		}
		if !keyed && (q.win.Kind == plan.WinFrequent || q.win.Kind == plan.WinLossyFrequent) {
			for i := range q.heldAttrs {
				q.heldAttrs[i] = true // the key is every attribute
			}
		}
	}
	sortAggs(q.aggs)
	q.countHeld = p.Aggregating && (q.windowed() && q.removal != removeNever ||
		q.join != nil && (q.removal != removeNever || q.join.resets()))
	q.deletable = q.grouped && !q.forever && (q.countHeld || !p.Aggregating)
	snapshot := p.Rate != nil && p.Rate.Mode == plan.RateSnapshot
	q.wantCur = p.Events != plan.ExpiredEvents
	q.wantExp = p.Events != plan.CurrentEvents || snapshot
	q.tags = len(p.OrderBy) > 0 && q.wantCur && q.wantExp || snapshot
	if snapshot {
		q.collapse = false // §7: the snapshot limiter sees every row
		_, allAgg := snapshotAggCols(p)
		q.rowSeqs = q.windowed() && !allAgg
	}
	q.rowKeys = q.grouped && p.Rate != nil && p.Rate.Mode != plan.RateAll
	for _, o := range p.OrderBy {
		if _, ok := o.Expr.(*plan.OutRef); !ok {
			q.sortKeys = true
		}
	}
	q.heldGroup = q.grouped && q.countHeld && q.windowed() && q.removal == removeFIFO && !q.rowKeys &&
		q.join == nil && q.pat == nil && q.side == nil
	q.leanHeld = q.heldGroup && !q.wantExp && !q.rowSeqs && selectsOnArrival(q.win)
	if q.leanHeld {
		q.heldAttrs = q.expiryAttrs()
	}
}

// selectsOnArrival reports whether window w hands each event to the
// selector as current when it arrives, and only then.
func selectsOnArrival(w *plan.Window) bool {
	switch w.Kind {
	case plan.WinLength, plan.WinExpression, plan.WinTime, plan.WinTimeLength, plan.WinExternalTime:
		return true
	}
	return false
}

// expiryAttrs marks the input attributes that expiring a held event
// reads: those of the aggregate arguments (where an output column's name
// stands for the column's expression) and of the window's parameters.
func (q *query) expiryAttrs() []bool {
	attrs := make([]bool, len(q.heldAttrs))
	var mark func(e plan.Expr)
	mark = func(e plan.Expr) {
		walk(e, func(x plan.Expr) {
			switch x := x.(type) {
			case *plan.Ref:
				if x.Source == 0 && !x.TableRow {
					attrs[x.Attr] = true
				}
			case *plan.OutRef:
				mark(q.plan.Select[x.Col].Expr)
			}
		})
	}
	for _, a := range q.aggs {
		mark(a.Arg)
	}
	for _, x := range q.win.Params {
		mark(x)
	}
	return attrs
}

func sortAggs(a []*plan.Agg) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].ID < a[j-1].ID; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// resets reports whether the window emits RESET (batch windows, §5.3-5.6).
func (q *query) resets() bool {
	if q.join != nil {
		return q.join.resets()
	}
	if q.win == nil {
		return false
	}
	switch q.win.Kind {
	case plan.WinLengthBatch, plan.WinTimeBatch, plan.WinExternalTimeBatch, plan.WinSliding:
		return true
	}
	return false
}

// needsExpired reports whether the selector must see expired events:
// they update aggregates, or their rows are emitted.
func (q *query) needsExpired() bool { return q.plan.Aggregating || q.wantExp }

// Names of the query's App fields and types: the method name plus a suffix.
func (q *query) f(suffix string) *jen.Statement { return jen.Id("a").Dot(q.Method + suffix) }
func (q *query) name(suffix string) string      { return q.Method + suffix }

// aField is a.name.
func aField(name string) *jen.Statement { return jen.Id("a").Dot(name) }
