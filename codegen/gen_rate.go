package codegen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
)

// Output rate limiting (§7). End hands the selector's output chunk (after
// ORDER BY/OFFSET/LIMIT) to q<N>Limit; time modes also have a tick timer
// on the grid k·d from time 0. What the limiter releases while handling one
// chunk, or at one tick, is one output chunk (q<N>Rated).

func (g *qgen) rowTS(i string) *jen.Statement  { return g.q.f("Out").Dot("TS").Index(jen.Id(i)) }
func (g *qgen) rowEv(i string) *jen.Statement  { return g.q.f("Out").Dot("Ev").Index(jen.Id(i)) }
func (g *qgen) rowKey(i string) *jen.Statement { return g.q.f("Keys").Index(jen.Id(i)) }

// release appends row i of the output chunk to the rated chunk.
func (g *qgen) release(i string) jen.Code {
	return jen.Op("*").Add(g.q.f("Rated")).Dot("Append").Call(g.rowTS(i)).Op("=").Add(g.rowEv(i))
}

// moveAll appends every event of chunk c to the rated chunk and empties c.
func (g *qgen) moveAll(c *jen.Statement) []jen.Code {
	return []jen.Code{
		jen.For(jen.Id("j").Op(":=").Range().Add(c).Dot("Ev")).Block(
			jen.Op("*").Add(g.q.f("Rated")).Dot("Append").Call(jen.Add(c).Dot("TS").Index(jen.Id("j"))).Op("=").Add(c).Dot("Ev").Index(jen.Id("j"))),
		jen.Add(c).Dot("Reset").Call(),
	}
}

func (g *qgen) eachRow(body ...jen.Code) jen.Code {
	return jen.For(jen.Id("i").Op(":=").Range().Add(g.q.f("Out")).Dot("Ev")).Block(body...)
}

// rateTimer allocates the tick timer and emits its handler around body.
func (g *qgen) rateTimer(d int64, body ...jen.Code) {
	q := g.q
	t := g.newTimer("timer"+strings.ToUpper(q.Method[:1])+q.Method[1:]+"Rate", q.name("RateTimer"), q.Method+"'s output rate tick")
	g.init(t.schedule(g.start(d), nil))
	all := []jen.Code{t.schedule(jen.Id("t").Dot("Due").Op("+").Lit(int(d)), nil)}
	if !q.cyclic {
		all = append(all, q.f("Rated").Dot("Reset").Call())
	}
	all = append(all, body...)
	all = append(all, g.deliver(q.f("Rated"))...)
	g.timerMethod(t, t.Handler+" is an output tick.", all...)
}

func (g *qgen) chunkField(suffix, doc string) {
	g.field(suffix, jen.Qual(rtPath, "Chunk").Types(jen.Id(g.q.out.Type)), doc)
}

// genRate emits q<N>Limit and, for time modes, the tick timer.
func (g *qgen) genRate() {
	q := g.q
	r := q.plan.Rate
	g.chunkField("Rated", "the rate limiter's output chunk")
	var body []jen.Code
	key := func() *jen.Statement { return jen.Id(q.name("Key")) }
	switch {
	case r.Mode == plan.RateSnapshot:
		body = g.genSnapshot(r.Period)
	case r.Events > 0 && r.Mode == plan.RateAll:
		g.chunkField("Buf", "rows waiting for the n-th")
		body = []jen.Code{g.eachRow(
			jen.Op("*").Add(q.f("Buf")).Dot("Append").Call(g.rowTS("i")).Op("=").Add(g.rowEv("i")),
			jen.If(q.f("Buf").Dot("Len").Call().Op("==").Lit(int(r.Events))).Block(g.moveAll(q.f("Buf"))...),
		)}
	case r.Events > 0 && r.Mode == plan.RateFirst && q.grouped:
		g.field("Counts", rtType("Table", key(), jen.Int64()), "rows seen per group")
		body = []jen.Code{g.eachRow(
			jen.List(jen.Id("ci"), jen.Id("isNew")).Op(":=").Add(q.f("Counts")).Dot("Lookup").Call(g.rowKey("i")),
			jen.Id("c").Op(":=").Add(q.f("Counts")).Dot("At").Call(jen.Id("ci")),
			jen.If(jen.Id("isNew")).Block(jen.Op("*").Id("c").Op("=").Lit(0)),
			jen.If(jen.Op("*").Id("c").Op("%").Lit(int(r.Events)).Op("==").Lit(0)).Block(g.release("i")),
			jen.Op("*").Id("c").Op("++"),
		)}
	case r.Events > 0 && r.Mode == plan.RateFirst:
		g.field("Count", jen.Int64(), "rows seen")
		body = []jen.Code{g.eachRow(
			jen.If(q.f("Count").Op("%").Lit(int(r.Events)).Op("==").Lit(0)).Block(g.release("i")),
			q.f("Count").Op("++"),
		)}
	case r.Events > 0 && r.Mode == plan.RateLast && q.grouped:
		g.field("Count", jen.Int64(), "rows seen since the last release")
		g.lastPerGroup()
		body = []jen.Code{g.eachRow(
			g.rememberLast("i"),
			q.f("Count").Op("++"),
			jen.If(q.f("Count").Op("==").Lit(int(r.Events))).Block(append([]jen.Code{q.f("Count").Op("=").Lit(0), q.f("Slots").Dot("Clear").Call()}, g.moveAll(q.f("Buf"))...)...),
		)}
	case r.Events > 0 && r.Mode == plan.RateLast:
		g.field("Count", jen.Int64(), "rows seen since the last release")
		body = []jen.Code{g.eachRow(
			q.f("Count").Op("++"),
			jen.If(q.f("Count").Op("==").Lit(int(r.Events))).Block(q.f("Count").Op("=").Lit(0), g.release("i")),
		)}
	case r.Mode == plan.RateAll:
		g.chunkField("Buf", "rows waiting for the tick")
		body = []jen.Code{g.eachRow(jen.Op("*").Add(q.f("Buf")).Dot("Append").Call(g.rowTS("i")).Op("=").Add(g.rowEv("i")))}
		g.rateTimer(r.Period, g.moveAll(q.f("Buf"))...)
	case r.Mode == plan.RateLast && q.grouped:
		g.lastPerGroup()
		body = []jen.Code{g.eachRow(g.rememberLast("i"))}
		g.rateTimer(r.Period, append([]jen.Code{q.f("Slots").Dot("Clear").Call()}, g.moveAll(q.f("Buf"))...)...)
	case r.Mode == plan.RateLast:
		g.chunkField("Buf", "the last row since the tick")
		body = []jen.Code{jen.If(jen.Id("n").Op(":=").Add(q.f("Out")).Dot("Len").Call(), jen.Id("n").Op(">").Lit(0)).Block(
			jen.Op("*").Add(q.f("Buf")).Dot("Put").Call(jen.Lit(0), q.f("Out").Dot("TS").Index(jen.Id("n").Op("-").Lit(1))).Op("=").Add(q.f("Out")).Dot("Ev").Index(jen.Id("n").Op("-").Lit(1)))}
		g.rateTimer(r.Period, g.moveAll(q.f("Buf"))...)
	case r.Mode == plan.RateFirst && q.grouped:
		g.field("Emitted", rtType("Table", key(), jen.Int64()), "per group: when its last row was released")
		body = []jen.Code{g.eachRow(
			jen.List(jen.Id("ei"), jen.Id("isNew")).Op(":=").Add(q.f("Emitted")).Dot("Lookup").Call(g.rowKey("i")),
			jen.Id("at").Op(":=").Add(q.f("Emitted")).Dot("At").Call(jen.Id("ei")),
			jen.If(jen.Id("isNew").Op("||").Op("*").Id("at").Op("+").Lit(int(r.Period)).Op("<=").Add(now())).Block(
				jen.Op("*").Id("at").Op("=").Add(now()),
				g.release("i"),
			),
		)}
	case r.Mode == plan.RateFirst:
		g.field("Emitted", jen.Bool(), "a row was released")
		g.field("EmittedAt", jen.Int64(), "when the last row was released")
		body = []jen.Code{jen.If(q.f("Out").Dot("Len").Call().Op(">").Lit(0).Op("&&").Parens(
			jen.Op("!").Add(q.f("Emitted")).Op("||").Add(q.f("EmittedAt")).Op("+").Lit(int(r.Period)).Op("<=").Add(now()))).Block(
			q.f("Emitted").Op("=").True(),
			q.f("EmittedAt").Op("=").Add(now()),
			jen.Op("*").Add(q.f("Rated")).Dot("Append").Call(q.f("Out").Dot("TS").Index(jen.Lit(0))).Op("=").Add(q.f("Out")).Dot("Ev").Index(jen.Lit(0)),
		)}
	}
	all := []jen.Code{}
	if !q.cyclic {
		all = append(all, q.f("Rated").Dot("Reset").Call())
	}
	all = append(all, body...)
	if r.Mode != plan.RateSnapshot {
		all = append(all, g.deliver(q.f("Rated"))...)
	}
	g.method("Limit", nil, q.name("Limit")+" is the output rate limiter (§7): it takes the rows of the output chunk.", all...)
}

// lastPerGroup declares the buffer of the last row per group, in order of
// first appearance, and its index by key.
func (g *qgen) lastPerGroup() {
	g.chunkField("Buf", "the last row of each group, in first-appearance order")
	g.field("Slots", rtType("Table", jen.Id(g.q.name("Key")), jen.Int32()), "each group's row in Buf")
}

func (g *qgen) rememberLast(i string) jen.Code {
	q := g.q
	return jen.Block(
		jen.List(jen.Id("si"), jen.Id("isNew")).Op(":=").Add(q.f("Slots")).Dot("Lookup").Call(g.rowKey(i)),
		jen.Id("s").Op(":=").Add(q.f("Slots")).Dot("At").Call(jen.Id("si")),
		jen.If(jen.Id("isNew")).Block(jen.Op("*").Id("s").Op("=").Int32().Call(q.f("Buf").Dot("Len").Call())),
		jen.Op("*").Add(q.f("Buf")).Dot("Put").Call(jen.Int().Call(jen.Op("*").Id("s")), g.rowTS(i)).Op("=").Add(g.rowEv(i)),
	)
}
