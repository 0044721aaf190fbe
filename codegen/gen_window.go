package codegen

import (
	"math"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// genStateful emits a query with state: the held event type, the
// selector, the window (§5) and the rate limiter (§7).
func (g *qgen) genStateful() {
	q := g.q
	g.field("Out", jen.Qual(rtPath, "Chunk").Types(jen.Id(q.out.Type)), q.Method+"'s output chunk, valid during its delivery")
	if q.windowed() {
		g.genHeld()
	}
	g.genSelector()
	if q.plan.Rate != nil {
		g.genRate()
	}
	g.genWindow()
}

// stmts drops nil statements.
func stmts(c ...jen.Code) []jen.Code {
	out := c[:0:0]
	for _, x := range c {
		if x != nil {
			if s, ok := x.(*jen.Statement); ok && s == nil {
				continue
			}
			out = append(out, x)
		}
	}
	return out
}

// Calls of the selector. A join side's window calls its join: begin and
// end delimit the join's output chunk, reset is the join's RESET when the
// side triggers, and each event goes to the side's join method.
func (g *qgen) begin() jen.Code {
	if s := g.q.side; s != nil {
		if !s.triggers {
			return nil
		}
		return s.join.q.f("Begin").Call()
	}
	if g.one && g.q.oneRow() {
		return nil // q<N>EndOne delivers the one row
	}
	return g.q.f("Begin").Call()
}

func (g *qgen) end() jen.Code {
	if s := g.q.side; s != nil {
		if !s.triggers {
			return nil
		}
		return s.join.q.f("End").Call()
	}
	if g.one && g.q.oneRow() {
		return g.q.f("EndOne").Call(g.tsIn())
	}
	return g.q.f("End").Call()
}

func (g *qgen) reset() jen.Code {
	if s := g.q.side; s != nil {
		if !s.triggers || !s.join.q.plan.Aggregating {
			return nil
		}
		return s.join.q.f("Reset").Call()
	}
	if !g.q.plan.Aggregating {
		return nil
	}
	return g.q.f("Reset").Call()
}

// sel is the selector call for one event; nil for an expired event that
// the selector does not need.
func (g *qgen) sel(ts, ev jen.Code, expired bool) jen.Code {
	if g.q.side != nil {
		return g.q.f("Join").Call(ts, ev, jen.Lit(expired))
	}
	if expired && !g.q.needsExpired() {
		return nil
	}
	args := []jen.Code{ts, ev}
	if g.q.leanHeld {
		in := jen.Id("e") // the arriving event, in scope where the window selects it
		if expired {
			in = jen.Nil()
		}
		args = append(args, in)
	}
	if g.one && !expired && g.q.oneRow() {
		return g.q.f("SelectOne").Call(args...)
	}
	if g.canExpire() {
		args = append(args, jen.Lit(expired))
	}
	return g.q.f("Select").Call(args...)
}

// eachInput is the loop over the input chunk: e is the event, WHERE
// skips events before the window (§4.5).
func (g *qgen) eachInput(body ...jen.Code) jen.Code {
	q := g.q
	env := expr.Env{In: jen.Id("e"), InFields: q.in.Fields, TS: tsI(), Now: aField("now")}
	if q.side != nil {
		env.Ref = func(r *plan.Ref) expr.Slot { // the side filter reads the side's source
			return expr.Slot{Val: jen.Id("e").Dot(q.in.Fields[r.Attr]), Null: jen.Id("e").Dot("Null").Dot("Is").Call(jen.Lit(r.Attr))}
		}
		env.EventTime = func(int) expr.Slot { return expr.Slot{Val: tsI()} }
	}
	b := g.m.builder(env)
	b.Emit(jen.Id("e").Op(":=").Op("&").Id("in").Dot("Ev").Index(jen.Id("i")))
	if q.plan.Where != nil {
		reject, always, never := b.Reject(q.plan.Where)
		switch {
		case always:
			return jen.Comment("The WHERE condition is never true: nothing reaches the window.")
		case !never:
			b.Emit(jen.If(reject).Block(jen.Continue()))
		}
	}
	b.Emit(g.arrivalGroup())
	b.Emit(stmts(body...)...)
	return jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(b.Take()...)
}

// eachInputs is eachInput as a statement list; in q<N>One (g.one), body
// itself, for the one event e (query.oneFast: there is no WHERE).
func (g *qgen) eachInputs(body ...jen.Code) []jen.Code {
	if g.one {
		return stmts(append([]jen.Code{g.arrivalGroup()}, body...)...)
	}
	return []jen.Code{g.eachInput(body...)}
}

// arrivalGroup is gi := q<N>GroupOf(e), the group of the arriving event e
// looked up before anything else (state.leanHeld); nil otherwise.
func (g *qgen) arrivalGroup() jen.Code {
	if !g.q.leanHeld {
		return nil
	}
	return jen.Id("gi").Op(":=").Add(g.q.f("GroupOf")).Call(jen.Id("e"))
}

func tsI() *jen.Statement { return jen.Id("in").Dot("TS").Index(jen.Id("i")) }

// tsIn is the input event's timestamp: in.TS[i], or ts in q<N>One.
func (g *qgen) tsIn() *jen.Statement {
	if g.one {
		return jen.Id("ts")
	}
	return tsI()
}

// hold is q1Hold(dst, in.TS[i], e): dst (a *q1Event) becomes the held copy of e.
func (g *qgen) hold(dst jen.Code) *jen.Statement {
	if g.q.leanHeld {
		return jen.Id(g.q.name("Hold")).Call(dst, g.tsIn(), jen.Id("e"), jen.Id("gi"))
	}
	return jen.Id(g.q.name("Hold")).Call(dst, g.tsIn(), jen.Id("e"))
}

// holdLocal is the statements declaring h, the held copy of e.
func (g *qgen) holdLocal() []jen.Code {
	return []jen.Code{jen.Var().Id("h").Id(g.q.name("Event")), g.hold(jen.Op("&").Id("h"))}
}

func now() *jen.Statement { return aField("now") }

// param returns window parameter i as an integer constant.
func (g *qgen) intParam(i int) int64 {
	c := g.q.win.Params[i].(*plan.Const)
	if c.T.IsInteger() {
		return c.Int
	}
	return int64(c.Float)
}

func (g *qgen) floatParam(i int) float64 {
	c := g.q.win.Params[i].(*plan.Const)
	if c.T.IsInteger() {
		return float64(c.Int)
	}
	return c.Float
}

// attrParam returns the attribute ordinal of window parameter i.
func (g *qgen) attrParam(i int) int { return g.q.win.Params[i].(*plan.Ref).Attr }

// heldField is h.F for attribute i of a held event pointer h.
func (g *qgen) heldField(h jen.Code, i int) *jen.Statement { return jen.Add(h).Dot(g.q.in.Fields[i]) }

// queryMethod emits the query's entry method.
func (g *qgen) queryMethod(body ...jen.Code) {
	q := g.q
	g.decl(g.header(), jen.Func().Add(g.recv()).Id(q.Method).Params(jen.Id("in").Add(chunkOf(q.in.Type))).Block(stmts(body...)...))
}

// oneFast reports whether the query gets q<N>One, its entry method for a
// single input event, which Send<T> calls without building the input
// chunk when nobody subscribes to the stream (stream.oneQuery): the only
// consumer of an input stream, a top-level query, not a join side,
// without WHERE or rate limiting, that cannot re-enter itself, over a
// length, time or timeLength window or an aggregating lengthBatch/timeBatch.
func (q *query) oneFast() bool {
	if q.side != nil || q.part != nil || q.cyclic || q.upsert != nil || q.win == nil ||
		q.plan.Where != nil || q.plan.Rate != nil || len(q.entry) != 1 {
		return false
	}
	for s := range q.entry {
		if !s.input() || len(s.consumers) != 1 {
			return false // no Send<T>, or Send<T> delivers to others too
		}
	}
	switch q.win.Kind {
	case plan.WinLength, plan.WinExpression, plan.WinTime, plan.WinTimeLength:
		return true
	case plan.WinLengthBatch, plan.WinTimeBatch:
		return q.incremental
	}
	return false
}

// oneMethod emits q<N>One(ts, e) from body, the window code built for
// one event (g.one): the same statements as the query method's for
// each event of the chunk, so the same emissions.
func (g *qgen) oneMethod(body func() []jen.Code) {
	q := g.q
	if !q.oneFast() {
		return
	}
	g.one = true
	defer func() { g.one = false }()
	g.decl([]string{q.name("One") + " is " + q.Method + " for a chunk of the one event (ts, e)."},
		jen.Func().Add(g.recv()).Id(q.name("One")).Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(q.in.Type)).Block(stmts(body()...)...))
	q.one = true
}

// windowTimer allocates the window's timer kind, handled by q<N>WindowTimer.
func (g *qgen) windowTimer(doc string) *timerKind {
	q := g.q
	return g.newTimer("timer"+strings.ToUpper(q.Method[:1])+q.Method[1:]+"Window", q.name("WindowTimer"), doc)
}

func (g *qgen) timerMethod(t *timerKind, doc string, body ...jen.Code) {
	g.decl([]string{doc}, jen.Func().Add(g.recv()).Id(t.Handler).Params(jen.Id("t").Qual(rtPath, "Timer")).Block(stmts(body...)...))
}

func (g *qgen) ring(suffix, doc string) {
	g.field(suffix, rtType("Ring", jen.Id(g.q.name("Event"))), doc)
}

// genWindow emits the query method and the window's state and timers.
func (g *qgen) genWindow() {
	q := g.q
	if q.win == nil {
		// A windowless join side keeps nothing and emits a RESET after
		// each event (§8).
		var reset jen.Code
		if q.side != nil {
			reset = g.reset()
		}
		g.queryMethod(g.begin(), g.eachInput(g.sel(tsI(), jen.Id("e"), false), reset), g.end())
		return
	}
	switch q.win.Kind {
	case plan.WinLength:
		g.genLength(g.intParam(0))
	case plan.WinExpression:
		g.genLength(g.expressionLength())
	case plan.WinTime:
		g.genTime(g.intParam(0), 0)
	case plan.WinTimeLength:
		g.genTime(g.intParam(0), g.intParam(1))
	case plan.WinExternalTime:
		g.genExternalTime()
	case plan.WinLengthBatch:
		g.genLengthBatch()
	case plan.WinTimeBatch:
		g.genTimeBatch()
	case plan.WinSliding:
		g.genSliding()
	case plan.WinExternalTimeBatch:
		g.genExternalTimeBatch()
	case plan.WinSession:
		g.genSession()
	case plan.WinSort:
		g.genSort()
	case plan.WinUnique:
		g.genUnique()
	case plan.WinFirstUnique:
		g.genFirstUnique()
	case plan.WinDelay:
		g.genDelay()
	case plan.WinFrequent:
		g.genFrequent()
	case plan.WinLossyFrequent:
		g.genLossyFrequent()
	case plan.WinCron:
		g.genCron()
	default:
		panic("codegen: window " + q.win.Kind.String())
	}
}

// expressionLength is N of 'count() <= N' and N-1 of 'count() < N'.
func (g *qgen) expressionLength() int64 {
	s := strings.Join(strings.Fields(g.q.win.Params[0].(*plan.Const).Str), "")
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "count()")
	less := !strings.HasPrefix(s, "<=")
	n, _ := strconv.ParseInt(strings.TrimLeft(s, "<="), 10, 64)
	if less {
		n--
	}
	return n
}

// each is the loop calling body for every event of ring r, oldest first;
// nil when body is nil.
func (g *qgen) each(r *jen.Statement, body func(h jen.Code) jen.Code) jen.Code {
	c := body(jen.Add(r).Dot("At").Call(jen.Id("i")))
	if c == nil {
		return nil
	}
	return jen.For(jen.Id("i").Op(":=").Range().Add(r).Dot("Len").Call()).Block(c)
}

// genLength: length(n) (§5.2), one emission per chunk.
func (g *qgen) genLength(n int64) {
	q := g.q
	win := q.f("Win")
	g.ring("Win", "the last events, oldest first")
	g.init(win.Clone().Dot("Grow").Call(jen.Lit(int(n))))
	body := func() []jen.Code {
		body := []jen.Code{g.begin()}
		body = append(body, g.eachInputs(
			jen.If(win.Clone().Dot("Len").Call().Op("==").Lit(int(n))).Block(stmts(
				g.sel(now(), win.Clone().Dot("Front").Call(), true),
				win.Clone().Dot("PopFront").Call(),
			)...),
			jen.Id("h").Op(":=").Add(win.Clone()).Dot("Push").Call(),
			g.hold(jen.Id("h")),
			g.sel(g.tsIn(), jen.Id("h"), false),
		)...)
		return append(body, g.end())
	}
	g.queryMethod(body()...)
	g.oneMethod(body)
}

// genTime: time(d) and timeLength(d, n) (§5.2). A timer at ts + d for each
// arriving event later than the last scheduled one, in an rt.Chain (one in
// the queue at a time); on firing, and on arrival, every held event with
// ts + d ≤ now expires.
func (g *qgen) genTime(d, n int64) {
	q := g.q
	win := func() *jen.Statement { return q.f("Win") }
	g.ring("Win", "events not yet expired, oldest first")
	g.field("Sched", jen.Int64(), "the latest timestamp a timer was scheduled for")
	g.init(q.f("Sched").Op("=").Qual("math", "MinInt64"))
	if n > 0 {
		g.init(win().Dot("Grow").Call(jen.Lit(int(n))))
	}
	t := g.windowTimer(q.Method + "'s time window expiry")
	chain := g.chain(t, "the expiry timers, the earliest in a.timers")
	g.method("Expire", nil, q.name("Expire")+" expires the held events whose time is up: ts + d ≤ now.",
		jen.For(win().Dot("Len").Call().Op(">").Lit(0).Op("&&").Add(win()).Dot("Front").Call().Dot("ts").Op("+").Lit(int(d)).Op("<=").Add(now())).Block(stmts(
			g.sel(now(), win().Dot("Front").Call(), true),
			win().Dot("PopFront").Call(),
		)...),
	)
	var overflow jen.Code
	if n > 0 {
		overflow = jen.If(win().Dot("Len").Call().Op("==").Lit(int(n))).Block(stmts(
			g.sel(now(), win().Dot("Front").Call(), true),
			win().Dot("PopFront").Call(),
		)...)
	}
	body := func() []jen.Code {
		body := []jen.Code{g.begin()}
		body = append(body, g.eachInputs(
			q.f("Expire").Call(),
			overflow,
			jen.Id("h").Op(":=").Add(win()).Dot("Push").Call(),
			g.hold(jen.Id("h")),
			g.sel(g.tsIn(), jen.Id("h"), false),
			jen.If(g.tsIn().Op(">").Add(q.f("Sched"))).Block(
				q.f("Sched").Op("=").Add(g.tsIn()),
				t.chainSchedule(chain, g.tsIn().Op("+").Lit(int(d))),
			),
		)...)
		return append(body, g.end())
	}
	g.queryMethod(body()...)
	g.oneMethod(body)
	g.timerMethod(t, t.Handler+" expires the events due at the timer's time, in one emission.",
		chainFired(chain), g.begin(), q.f("Expire").Call(), g.end())
}

// genExternalTime: externalTime(ts, d) (§5.2): "now" is the arriving
// event's ts attribute; no timers.
func (g *qgen) genExternalTime() {
	q := g.q
	win := func() *jen.Statement { return q.f("Win") }
	attr := g.attrParam(0)
	d := g.intParam(1)
	g.ring("Win", "events not yet expired, oldest first")
	g.queryMethod(
		g.begin(),
		g.eachInput(
			jen.Var().Id("h").Id(q.name("Event")),
			g.hold(jen.Op("&").Id("h")),
			jen.For(win().Dot("Len").Call().Op(">").Lit(0).Op("&&").Add(g.heldField(win().Dot("Front").Call(), attr)).Op("+").Lit(int(d)).Op("<=").Add(g.heldField(jen.Id("h"), attr))).Block(stmts(
				g.sel(now(), win().Dot("Front").Call(), true),
				win().Dot("PopFront").Call(),
			)...),
			jen.Id("p").Op(":=").Add(win()).Dot("Push").Call(),
			jen.Op("*").Id("p").Op("=").Id("h"),
			g.sel(tsI(), jen.Id("p"), false),
		),
		g.end(),
	)
}

// batchFlush is the emission of a flushed batch held in q<N>Batch:
// [EXPIRED(previous batch)…] (output kinds EXPIRED/ALL), RESET,
// CURRENT(batch); the batch becomes the previous one (§5.3, §5.4).
func (g *qgen) genBatchFlush() {
	q := g.q
	batch := func() *jen.Statement { return q.f("Batch") }
	prev := func() *jen.Statement { return q.f("Prev") }
	body := []jen.Code{g.begin()}
	if q.wantExp {
		body = append(body, jen.For(jen.Id("i").Op(":=").Range().Add(prev()).Dot("Len").Call()).Block(
			g.sel(now(), prev().Dot("At").Call(jen.Id("i")), true)))
	}
	body = append(body, g.reset(),
		jen.For(jen.Id("i").Op(":=").Range().Add(batch()).Dot("Len").Call()).Block(
			jen.Id("h").Op(":=").Add(batch()).Dot("At").Call(jen.Id("i")),
			g.sel(jen.Id("h").Dot("ts"), jen.Id("h"), false)))
	if q.wantExp {
		body = append(body, prev().Dot("Swap").Call(jen.Op("&").Add(batch())))
	}
	body = append(body, batch().Dot("Clear").Call(), g.end())
	g.method("Flush", nil, q.name("Flush")+" flushes the current batch in one emission.", stmts(body...)...)
}

func (g *qgen) batchRings() {
	g.ring("Batch", "the current batch")
	if g.q.wantExp {
		g.ring("Prev", "the previous flushed batch, expired at the next flush")
	}
}

// genLengthBatch: lengthBatch(n) (§5.3): a flush at the n-th event.
func (g *qgen) genLengthBatch() {
	q := g.q
	n := g.intParam(0)
	if q.incremental {
		g.field("Size", jen.Int(), "events in the open batch")
		body := func() []jen.Code {
			return g.eachInputs(
				q.f("Add").Call(g.tsIn(), jen.Id("e")),
				q.f("Size").Op("++"),
				jen.If(q.f("Size").Op("==").Lit(int(n))).Block(q.f("Size").Op("=").Lit(0), q.f("Flush").Call()),
			)
		}
		g.queryMethod(body()...)
		g.oneMethod(body)
		return
	}
	g.batchRings()
	g.init(q.f("Batch").Dot("Grow").Call(jen.Lit(int(n))))
	g.genBatchFlush()
	g.queryMethod(g.eachInput(
		g.hold(q.f("Batch").Dot("Push").Call()),
		jen.If(q.f("Batch").Dot("Len").Call().Op("==").Lit(int(n))).Block(q.f("Flush").Call()),
	))
}

// genTimeBatch: timeBatch(d)/tumbling(d) (§5.4): boundaries t0 + k·d
// anchored at the first event, a timer at each forever.
func (g *qgen) genTimeBatch() {
	q := g.q
	d := g.intParam(0)
	if q.incremental {
		g.field("Started", jen.Bool(), "the first event arrived: boundary timers run")
		t := g.windowTimer(q.Method + "'s batch boundary")
		body := func() []jen.Code {
			return g.eachInputs(
				jen.If(jen.Op("!").Add(q.f("Started"))).Block(
					q.f("Started").Op("=").True(),
					t.schedule(now().Op("+").Lit(int(d)), nil),
				),
				q.f("Add").Call(g.tsIn(), jen.Id("e")),
			)
		}
		g.queryMethod(body()...)
		g.oneMethod(body)
		g.timerMethod(t, t.Handler+" closes the batch at a boundary and schedules the next one.",
			t.schedule(jen.Id("t").Dot("Due").Op("+").Lit(int(d)), nil),
			jen.If(jen.Len(q.f("Open")).Op(">").Lit(0)).Block(q.f("Flush").Call()),
		)
		return
	}
	g.batchRings()
	g.field("Started", jen.Bool(), "the first event arrived: boundary timers run")
	g.genBatchFlush()
	t := g.windowTimer(q.Method + "'s batch boundary")
	g.queryMethod(g.eachInput(
		jen.If(jen.Op("!").Add(q.f("Started"))).Block(
			q.f("Started").Op("=").True(),
			t.schedule(now().Op("+").Lit(int(d)), nil),
		),
		g.hold(q.f("Batch").Dot("Push").Call()),
	))
	var empty jen.Code
	if q.wantExp {
		empty = jen.Else().If(q.f("Prev").Dot("Len").Call().Op(">").Lit(0)).Block(stmts(
			g.begin(),
			jen.For(jen.Id("i").Op(":=").Range().Add(q.f("Prev")).Dot("Len").Call()).Block(
				g.sel(now(), q.f("Prev").Dot("At").Call(jen.Id("i")), true)),
			q.f("Prev").Dot("Clear").Call(),
			g.end(),
		)...)
	}
	flush := jen.If(q.f("Batch").Dot("Len").Call().Op(">").Lit(0)).Block(q.f("Flush").Call())
	if empty != nil {
		flush.Add(empty)
	}
	g.timerMethod(t, t.Handler+" closes the batch at a boundary and schedules the next one.",
		t.schedule(jen.Id("t").Dot("Due").Op("+").Lit(int(d)), nil),
		flush,
	)
}

// genSliding: sliding(size, slide)/hop (§5.5): slide points t0 + k·slide;
// at each, the events of [E − size, E) are the window's content.
func (g *qgen) genSliding() {
	q := g.q
	size, slide := g.intParam(0), g.intParam(1)
	win := func() *jen.Statement { return q.f("Win") }
	prev := func() *jen.Statement { return q.f("Prev") }
	g.ring("Win", "events that may belong to a coming content, in arrival order")
	if q.wantExp {
		g.ring("Prev", "the content emitted at the previous slide point")
	}
	g.field("Started", jen.Bool(), "the first event arrived: slide timers run")
	t := g.windowTimer(q.Method + "'s slide point")
	g.queryMethod(g.eachInput(
		jen.If(jen.Op("!").Add(q.f("Started"))).Block(
			q.f("Started").Op("=").True(),
			t.schedule(now().Op("+").Lit(int(slide)), nil),
		),
		g.hold(win().Dot("Push").Call()),
	))
	body := []jen.Code{
		t.schedule(jen.Id("t").Dot("Due").Op("+").Lit(int(slide)), nil),
		jen.Id("end").Op(":=").Id("t").Dot("Due"),
		g.begin(),
	}
	if q.wantExp {
		body = append(body,
			jen.For(jen.Id("i").Op(":=").Range().Add(prev()).Dot("Len").Call()).Block(
				g.sel(now(), prev().Dot("At").Call(jen.Id("i")), true)),
			prev().Dot("Clear").Call())
	}
	inner := []jen.Code{
		jen.Id("h").Op(":=").Add(win()).Dot("At").Call(jen.Id("i")),
		jen.If(jen.Id("h").Dot("ts").Op("<").Id("end").Op("-").Lit(int(size)).Op("||").Id("h").Dot("ts").Op(">=").Id("end")).Block(jen.Continue()),
	}
	if r := g.reset(); r != nil {
		inner = append(inner, jen.If(jen.Op("!").Id("started")).Block(jen.Id("started").Op("=").True(), r))
		body = append(body, jen.Id("started").Op(":=").False())
	}
	inner = append(inner, g.sel(jen.Id("h").Dot("ts"), jen.Id("h"), false))
	if q.wantExp {
		inner = append(inner, jen.Op("*").Add(prev()).Dot("Push").Call().Op("=").Op("*").Id("h"))
	}
	body = append(body,
		jen.For(jen.Id("i").Op(":=").Range().Add(win()).Dot("Len").Call()).Block(stmts(inner...)...),
		jen.Comment("Drop the events that no later content includes."),
		jen.For(win().Dot("Len").Call().Op(">").Lit(0).Op("&&").Add(win()).Dot("Front").Call().Dot("ts").Op("<").Id("end").Op("+").Lit(int(slide-size))).Block(
			win().Dot("PopFront").Call()),
		g.end(),
	)
	g.timerMethod(t, t.Handler+" emits the content of the slide point at the timer's time.", body...)
}

// genExternalTimeBatch: externalTimeBatch(ts, d) (§5.6): batches by the ts
// attribute, flushed by a later event; no timers.
func (g *qgen) genExternalTimeBatch() {
	q := g.q
	attr, d := g.attrParam(0), g.intParam(1)
	g.batchRings()
	g.field("Open", jen.Bool(), "the first event arrived")
	g.field("BatchStart", jen.Int64(), "v0, the first event's ts")
	g.field("BatchEnd", jen.Int64(), "the end of the current batch")
	g.field("MaxTS", jen.Int64(), "the largest ts seen")
	g.genBatchFlush()
	v := jen.Id("h").Dot(q.in.Fields[attr])
	g.queryMethod(g.eachInput(
		jen.Var().Id("h").Id(q.name("Event")),
		g.hold(jen.Op("&").Id("h")),
		jen.If(jen.Op("!").Add(q.f("Open"))).Block(
			q.f("Open").Op("=").True(),
			q.f("BatchStart").Op("=").Add(v),
			q.f("BatchEnd").Op("=").Add(v).Op("+").Lit(int(d)),
			q.f("MaxTS").Op("=").Add(v),
		).Else().If(jen.Add(v).Op(">=").Add(q.f("BatchEnd"))).Block(
			jen.If(q.f("Batch").Dot("Len").Call().Op(">").Lit(0)).Block(q.f("Flush").Call()),
			q.f("MaxTS").Op("=").Max(q.f("MaxTS"), v),
			q.f("BatchEnd").Op("=").Add(q.f("BatchStart")).Op("+").Lit(int(d)).Op("*").Parens(
				jen.Parens(q.f("MaxTS").Op("-").Add(q.f("BatchStart"))).Op("/").Lit(int(d)).Op("+").Lit(1)),
		),
		q.f("MaxTS").Op("=").Max(q.f("MaxTS"), v),
		jen.Op("*").Add(q.f("Batch")).Dot("Push").Call().Op("=").Id("h"),
	))
}

// winKey emits the key struct of a keyed window over attributes attrs
// and returns the statements computing `k` from the held event h.
func (g *qgen) winKey(attrs []int) []jen.Code {
	q := g.q
	fields := []jen.Code{}
	set := []jen.Code{jen.Var().Id("k").Id(q.name("WinKey"))}
	for _, i := range attrs {
		f := q.in.Fields[i]
		fields = append(fields, jen.Id(f).Add(expr.GoType(q.in.plan.Attrs[i].Type)), jen.Id(f+"Null").Bool())
		set = append(set, jen.If(jen.Id("h").Dot("Null").Dot("Is").Call(jen.Lit(i))).Block(
			jen.Id("k").Dot(f+"Null").Op("=").True(),
		).Else().Block(jen.Id("k").Dot(f).Op("=").Id("h").Dot(f)))
	}
	g.decl([]string{q.name("WinKey") + " is the key of " + q.Method + "'s " + q.win.Kind.String() + " window."},
		jen.Type().Id(q.name("WinKey")).Struct(fields...))
	return set
}

// keyAttrs are the attribute parameters from index from on (all
// attributes when there are none).
func (g *qgen) keyAttrs(from int) []int {
	var attrs []int
	for _, p := range g.q.win.Params[from:] {
		if r, ok := p.(*plan.Ref); ok {
			attrs = append(attrs, r.Attr)
		}
	}
	if len(attrs) == 0 {
		for i := range g.q.in.plan.Attrs {
			attrs = append(attrs, i)
		}
	}
	return attrs
}

// genSession: session(gap [, key]) (§5.7).
func (g *qgen) genSession() {
	q := g.q
	gap := g.intParam(0)
	var attrs []int
	if len(q.win.Params) > 1 {
		attrs = []int{g.attrParam(1)}
	}
	key := g.winKey(attrs)
	st := q.name("Session")
	g.decl([]string{st + " is an open session of " + q.Method + "'s window."},
		jen.Type().Id(st).Struct(
			jen.Id("start").Int64(),
			jen.Id("end").Int64().Comment("timestamp of the latest event + gap"),
			jen.Id("events").Qual(rtPath, "Ring").Types(jen.Id(q.name("Event"))),
		))
	g.field("Sessions", rtType("Table", jen.Id(q.name("WinKey")), jen.Id(st)), "open sessions by key")
	t := g.windowTimer(q.Method + "'s session end (Arg: the session's slot)")
	s := jen.Id("s")
	body := append(g.holdLocal(), key...)
	body = append(body,
		jen.List(jen.Id("si"), jen.Id("isNew")).Op(":=").Add(q.f("Sessions")).Dot("Lookup").Call(jen.Id("k")),
		jen.Id("s").Op(":=").Add(q.f("Sessions")).Dot("At").Call(jen.Id("si")),
		jen.If(jen.Id("isNew")).Block(
			jen.Add(s).Dot("events").Dot("Clear").Call(),
			jen.List(jen.Add(s).Dot("start"), jen.Add(s).Dot("end")).Op("=").List(jen.Id("h").Dot("ts"), jen.Id("h").Dot("ts").Op("+").Lit(int(gap))),
			t.schedule(jen.Add(s).Dot("end"), jen.Id("si")),
		).Else().If(jen.Id("h").Dot("ts").Op("<").Add(s).Dot("start")).Block(
			jen.If(jen.Add(s).Dot("start").Op("-").Id("h").Dot("ts").Op(">").Lit(int(gap))).Block(
				jen.Continue().Comment("late beyond the gap: dropped")),
		).Else().If(jen.Id("h").Dot("ts").Op("+").Lit(int(gap)).Op(">").Add(s).Dot("end")).Block(
			jen.Add(s).Dot("end").Op("=").Id("h").Dot("ts").Op("+").Lit(int(gap)),
			t.schedule(jen.Add(s).Dot("end"), jen.Id("si")),
		),
		jen.Id("p").Op(":=").Add(s).Dot("events").Dot("Push").Call(),
		jen.Op("*").Id("p").Op("=").Id("h"),
		g.sel(tsI(), jen.Id("p"), false),
	)
	g.queryMethod(g.begin(), g.eachInput(body...), g.end())
	g.timerMethod(t, t.Handler+" closes the session of slot t.Arg if its end has come: its events expire\n// in one emission.",
		jen.Id("si").Op(":=").Id("t").Dot("Arg"),
		jen.If(jen.Op("!").Add(q.f("Sessions")).Dot("Live").Call(jen.Id("si"))).Block(jen.Return()),
		jen.Id("s").Op(":=").Add(q.f("Sessions")).Dot("At").Call(jen.Id("si")),
		jen.If(jen.Id("s").Dot("end").Op(">").Add(now())).Block(jen.Return().Comment("extended: a later timer closes it")),
		g.begin(),
		g.each(jen.Id("s").Dot("events"), func(h jen.Code) jen.Code { return g.sel(now(), h, true) }),
		q.f("Sessions").Dot("Delete").Call(jen.Id("si")),
		g.end(),
	)
}

// genSort: sort(n, a [,'asc'|'desc'], …) (§5.8).
func (g *qgen) genSort() {
	q := g.q
	n := g.intParam(0)
	type item struct {
		attr int
		desc bool
	}
	var items []item
	for _, p := range q.win.Params[1:] {
		switch p := p.(type) {
		case *plan.Ref:
			items = append(items, item{attr: p.Attr})
		case *plan.Const:
			items[len(items)-1].desc = strings.EqualFold(p.Str, "desc")
		}
	}
	body := []jen.Code{}
	for _, it := range items {
		f := q.in.Fields[it.attr]
		x, y := jen.Id("x").Dot(f), jen.Id("y").Dot(f)
		var less jen.Code
		switch {
		case q.in.plan.Attrs[it.attr].Type == types.Bool:
			less = jen.Op("!").Add(x).Op("&&").Add(y)
			if it.desc {
				less = jen.Add(x).Op("&&").Op("!").Add(y)
			}
		case it.desc:
			less = jen.Add(x).Op(">").Add(y)
		default:
			less = jen.Add(x).Op("<").Add(y)
		}
		body = append(body,
			jen.List(jen.Id("xn"), jen.Id("yn")).Op("=").List(
				jen.Id("x").Dot("Null").Dot("Is").Call(jen.Lit(it.attr)), jen.Id("y").Dot("Null").Dot("Is").Call(jen.Lit(it.attr))),
			jen.Switch().Block(
				jen.Case(jen.Id("xn").Op("!=").Id("yn")).Block(jen.Return(jen.Id("yn")).Comment("null sorts last")),
				jen.Case(jen.Op("!").Id("xn").Op("&&").Add(x.Clone()).Op("!=").Add(y.Clone())).Block(jen.Return(less)),
			),
		)
	}
	body = append([]jen.Code{jen.Var().List(jen.Id("xn"), jen.Id("yn")).Bool()}, body...)
	body = append(body, jen.Return(jen.False()))
	g.decl([]string{q.name("Before") + " reports whether x sorts before y in " + q.Method + "'s sort window."},
		jen.Func().Id(q.name("Before")).Params(jen.List(jen.Id("x"), jen.Id("y")).Op("*").Id(q.name("Event"))).Bool().Block(body...))
	win := func() *jen.Statement { return q.f("Win") }
	g.ring("Win", "held events in arrival order")
	g.init(win().Dot("Grow").Call(jen.Lit(int(n + 1))))
	g.queryMethod(
		g.begin(),
		g.eachInput(
			jen.Id("h").Op(":=").Add(win()).Dot("Push").Call(),
			g.hold(jen.Id("h")),
			g.sel(tsI(), jen.Id("h"), false),
			jen.If(win().Dot("Len").Call().Op(">").Lit(int(n))).Block(stmts(
				jen.Comment("Expire the last in sort order (the latest arrival among equals)."),
				jen.Id("last").Op(":=").Lit(0),
				jen.For(jen.Id("j").Op(":=").Lit(1), jen.Id("j").Op("<").Add(win()).Dot("Len").Call(), jen.Id("j").Op("++")).Block(
					jen.If(jen.Op("!").Id(q.name("Before")).Call(win().Dot("At").Call(jen.Id("j")), win().Dot("At").Call(jen.Id("last")))).Block(
						jen.Id("last").Op("=").Id("j"))),
				g.sel(now(), win().Dot("At").Call(jen.Id("last")), true),
				win().Dot("RemoveAt").Call(jen.Id("last")),
			)...),
		),
		g.end(),
	)
}

// genUnique: unique(a…) (§5.8): the latest event per key.
func (g *qgen) genUnique() {
	q := g.q
	key := g.winKey(g.keyAttrs(0))
	g.field("Held", rtType("Table", jen.Id(q.name("WinKey")), jen.Id(q.name("Event"))), "the latest event per key")
	body := append(g.holdLocal(), key...)
	body = append(body,
		jen.List(jen.Id("hi"), jen.Id("isNew")).Op(":=").Add(q.f("Held")).Dot("Lookup").Call(jen.Id("k")),
		jen.Id("p").Op(":=").Add(q.f("Held")).Dot("At").Call(jen.Id("hi")),
	)
	if s := g.sel(now(), jen.Id("p"), true); s != nil {
		body = append(body, jen.If(jen.Op("!").Id("isNew")).Block(s))
	} else {
		body = append(body, jen.Id("_").Op("=").Id("isNew"))
	}
	body = append(body, jen.Op("*").Id("p").Op("=").Id("h"), g.sel(tsI(), jen.Id("p"), false))
	g.queryMethod(g.begin(), g.eachInput(body...), g.end())
}

// genFirstUnique: firstUnique(a…) (§5.8): the first event per key passes.
func (g *qgen) genFirstUnique() {
	q := g.q
	key := g.winKey(g.keyAttrs(0))
	g.field("Seen", rtType("Table", jen.Id(q.name("WinKey")), jen.Struct()), "keys seen, kept forever")
	body := append(g.holdLocal(), key...)
	body = append(body,
		jen.If(jen.List(jen.Id("_"), jen.Id("isNew")).Op(":=").Add(q.f("Seen")).Dot("Lookup").Call(jen.Id("k")), jen.Op("!").Id("isNew")).Block(jen.Continue()),
		g.sel(tsI(), jen.Op("&").Id("h"), false),
	)
	g.queryMethod(g.begin(), g.eachInput(body...), g.end())
}

// genDelay: delay(d) (§5.8): each event is released as CURRENT at ts + d.
func (g *qgen) genDelay() {
	q := g.q
	d := g.intParam(0)
	win := func() *jen.Statement { return q.f("Win") }
	g.ring("Win", "events not yet released, oldest first")
	g.field("Sched", jen.Int64(), "the latest timestamp a timer was scheduled for")
	g.init(q.f("Sched").Op("=").Qual("math", "MinInt64"))
	t := g.windowTimer(q.Method + "'s delay release")
	chain := g.chain(t, "the release timers, the earliest in a.timers")
	g.queryMethod(g.eachInput(
		g.hold(win().Dot("Push").Call()),
		jen.If(tsI().Op(">").Add(q.f("Sched"))).Block(
			q.f("Sched").Op("=").Add(tsI()),
			t.chainSchedule(chain, tsI().Op("+").Lit(int(d))),
		),
	))
	g.timerMethod(t, t.Handler+" releases the events due at the timer's time, in one emission.",
		chainFired(chain),
		g.begin(),
		jen.For(win().Dot("Len").Call().Op(">").Lit(0).Op("&&").Add(win()).Dot("Front").Call().Dot("ts").Op("+").Lit(int(d)).Op("<=").Add(now())).Block(
			g.sel(now(), win().Dot("Front").Call(), false),
			win().Dot("PopFront").Call(),
		),
		g.end(),
	)
}

// freqEntry declares the entry type of frequent/lossyFrequent windows.
func (g *qgen) freqEntry() string {
	q := g.q
	t := q.name("Entry")
	g.decl([]string{t + " is a key of " + q.Method + "'s " + q.win.Kind.String() + " window, in first-insertion order."},
		jen.Type().Id(t).Struct(
			jen.Id("key").Id(q.name("WinKey")),
			jen.Id("ev").Id(q.name("Event")).Comment("the key's latest event"),
			jen.Id("count").Int64(),
			jen.Id("delta").Int64().Comment("lossyFrequent: the bucket error bound"),
		))
	g.field("Keys", jen.Index().Id(t), "the key table, in first-insertion order")
	return t
}

// findKey is the loop setting j to k's index in q<N>Keys, or -1.
func (g *qgen) findKey() []jen.Code {
	q := g.q
	return []jen.Code{
		jen.Id("j").Op(":=").Lit(-1),
		jen.For(jen.Id("x").Op(":=").Range().Add(q.f("Keys"))).Block(
			jen.If(q.f("Keys").Index(jen.Id("x")).Dot("key").Op("==").Id("k")).Block(jen.Id("j").Op("=").Id("x"), jen.Break())),
	}
}

// genFrequent: frequent(n, a…) (§5.9), Misra-Gries counters.
func (g *qgen) genFrequent() {
	q := g.q
	n := g.intParam(0)
	key := g.winKey(g.keyAttrs(1))
	t := g.freqEntry()
	keys := func() *jen.Statement { return q.f("Keys") }
	at := func(j string) *jen.Statement { return keys().Index(jen.Id(j)) }
	body := append(g.holdLocal(), key...)
	body = append(body, g.findKey()...)
	body = append(body, jen.Switch().Block(
		jen.Case(jen.Id("j").Op(">=").Lit(0)).Block(stmts(
			at("j").Dot("count").Op("++"),
			g.unexpose(jen.Op("&").Add(at("j")).Dot("ev")),
			at("j").Dot("ev").Op("=").Id("h"),
			g.sel(tsI(), jen.Op("&").Add(at("j")).Dot("ev"), false),
		)...),
		jen.Case(jen.Len(keys()).Op("<").Lit(int(n))).Block(
			keys().Op("=").Append(keys(), jen.Id(t).Values(field("key", jen.Id("k")), field("ev", jen.Id("h")), field("count", jen.Lit(1)))),
			g.sel(tsI(), jen.Op("&").Add(keys()).Index(jen.Len(keys()).Op("-").Lit(1)).Dot("ev"), false),
		),
		jen.Default().Block(stmts(
			jen.Id("w").Op(":=").Lit(0),
			jen.For(jen.Id("x").Op(":=").Range().Add(keys())).Block(stmts(
				at("x").Dot("count").Op("--"),
				jen.If(at("x").Dot("count").Op("==").Lit(0)).Block(stmts(
					g.sel(now(), jen.Op("&").Add(at("x")).Dot("ev"), true), jen.Continue())...),
				at("w").Op("=").Add(at("x")),
				jen.Id("w").Op("++"),
			)...),
			jen.If(jen.Id("w").Op("<").Len(keys())).Block(
				jen.Clear(keys().Index(jen.Id("w"), jen.Empty())),
				keys().Op("=").Append(keys().Index(jen.Empty(), jen.Id("w")), jen.Id(t).Values(field("key", jen.Id("k")), field("ev", jen.Id("h")), field("count", jen.Lit(1)))),
				g.sel(tsI(), jen.Op("&").Add(keys()).Index(jen.Len(keys()).Op("-").Lit(1)).Dot("ev"), false),
			),
		)...),
	))
	g.queryMethod(g.begin(), g.eachInput(body...), g.end())
}

// unexpose is, on a join side that exposes its contents, the call removing
// the key's stored event h from the exposure before the window replaces it
// (a replaced event is not expired, §5.9); nil elsewhere.
func (g *qgen) unexpose(h jen.Code) jen.Code {
	if s := g.q.side; s != nil && s.exposes() {
		return g.q.f("Unexpose").Call(h)
	}
	return nil
}

// lossyEmit completes the `if` emitting the stored event h: on a join side
// that exposes its contents, an event stored but not emitted is exposed
// all the same (§5.11: the current contents).
func (g *qgen) lossyEmit(emit *jen.Statement, h jen.Code) jen.Code {
	if s := g.q.side; s != nil && s.exposes() {
		return emit.Else().Block(g.q.f("Expose").Call(h))
	}
	return emit
}

// genLossyFrequent: lossyFrequent(s [, ε], a…) (§5.9).
func (g *qgen) genLossyFrequent() {
	q := g.q
	first := 0
	var nums []float64
	for i, p := range q.win.Params {
		if c, ok := p.(*plan.Const); ok && c.T.IsNumeric() && i < 2 {
			nums = append(nums, g.floatParam(i))
			first = i + 1
		}
	}
	s := nums[0]
	eps := s / 10
	if len(nums) > 1 {
		eps = nums[1]
	}
	w := int64(math.Ceil(1 / eps))
	key := g.winKey(g.keyAttrs(first))
	t := g.freqEntry()
	g.field("Seen", jen.Int64(), "events seen (N)")
	keys := func() *jen.Statement { return q.f("Keys") }
	at := func(j string) *jen.Statement { return keys().Index(jen.Id(j)) }
	body := append(g.holdLocal(), key...)
	body = append(body,
		q.f("Seen").Op("++"),
		jen.Id("n").Op(":=").Add(q.f("Seen")),
		jen.Id("bucket").Op(":=").Parens(jen.Id("n").Op("+").Lit(int(w-1))).Op("/").Lit(int(w)),
	)
	body = append(body, g.findKey()...)
	body = append(body,
		jen.If(jen.Id("j").Op(">=").Lit(0)).Block(stmts(
			at("j").Dot("count").Op("++"),
			g.unexpose(jen.Op("&").Add(at("j")).Dot("ev")),
			at("j").Dot("ev").Op("=").Id("h"),
		)...).Else().Block(
			keys().Op("=").Append(keys(), jen.Id(t).Values(field("key", jen.Id("k")), field("ev", jen.Id("h")),
				field("count", jen.Lit(1)), field("delta", jen.Id("bucket").Op("-").Lit(1)))),
			jen.Id("j").Op("=").Len(keys()).Op("-").Lit(1),
		),
		g.lossyEmit(jen.If(jen.Float64().Call(at("j").Dot("count")).Op(">=").Lit(s-eps).Op("*").Float64().Call(jen.Id("n"))).Block(
			g.sel(tsI(), jen.Op("&").Add(at("j")).Dot("ev"), false)), jen.Op("&").Add(at("j")).Dot("ev")),
		jen.If(jen.Id("n").Op("%").Lit(int(w)).Op("==").Lit(0)).Block(stmts(
			jen.Id("w").Op(":=").Lit(0),
			jen.For(jen.Id("x").Op(":=").Range().Add(keys())).Block(stmts(
				jen.If(at("x").Dot("count").Op("+").Add(at("x")).Dot("delta").Op("<=").Id("bucket")).Block(stmts(
					g.sel(now(), jen.Op("&").Add(at("x")).Dot("ev"), true), jen.Continue())...),
				at("w").Op("=").Add(at("x")),
				jen.Id("w").Op("++"),
			)...),
			jen.Clear(keys().Index(jen.Id("w"), jen.Empty())),
			keys().Op("=").Add(keys()).Index(jen.Empty(), jen.Id("w")),
		)...),
	)
	g.queryMethod(g.begin(), g.eachInput(body...), g.end())
}

// genCron: cron('expr') (§5.10): a batch flushed at each cron instant;
// the previous batch's expired events replace the RESET.
func (g *qgen) genCron() {
	q := g.q
	expr := q.win.Params[0].(*plan.Const).Str
	g.ring("Batch", "the current batch")
	g.ring("Prev", "the previous flushed batch")
	g.field("Cron", jen.Qual(rtPath, "Cron"), "the flush instants")
	t := g.windowTimer(q.Method + "'s cron instant")
	g.init(
		q.f("Cron").Op("=").Add(cronLit(expr)),
		jen.If(jen.List(jen.Id("at"), jen.Id("ok")).Op(":=").Add(q.f("Cron")).Dot("Next").Call(jen.Lit(0)), jen.Id("ok")).Block(
			t.schedule(jen.Id("at"), nil)),
	)
	g.queryMethod(g.eachInput(g.hold(q.f("Batch").Dot("Push").Call())))
	g.timerMethod(t, t.Handler+" flushes the batch at a cron instant and schedules the next one.",
		jen.If(jen.List(jen.Id("at"), jen.Id("ok")).Op(":=").Add(q.f("Cron")).Dot("Next").Call(jen.Id("t").Dot("Due")), jen.Id("ok")).Block(
			t.schedule(jen.Id("at"), nil)),
		jen.If(q.f("Batch").Dot("Len").Call().Op("==").Lit(0)).Block(jen.Return()),
		g.begin(),
		g.each(q.f("Prev"), func(h jen.Code) jen.Code { return g.sel(now(), h, true) }),
		jen.For(jen.Id("i").Op(":=").Range().Add(q.f("Batch")).Dot("Len").Call()).Block(
			jen.Id("h").Op(":=").Add(q.f("Batch")).Dot("At").Call(jen.Id("i")),
			g.sel(jen.Id("h").Dot("ts"), jen.Id("h"), false)),
		q.f("Prev").Dot("Swap").Call(jen.Op("&").Add(q.f("Batch"))),
		q.f("Batch").Dot("Clear").Call(),
		g.end(),
	)
}
