package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
)

// Incremental batches. A grouped aggregating query over a batch window
// (lengthBatch, timeBatch/tumbling) emits, at each flush, RESET and then
// every event of the batch as CURRENT (§5.3, §5.4); the selector collapses
// them to one row per group (§6.2), in the order the groups first appear
// in the batch, computed at the group's latest event. When nothing else
// can tell (no expired rows, no HAVING to reject intermediate rows, no
// ORDER BY or rate limiting after, aggregate arguments that do not read
// the clock or call functions), the aggregates are updated as the events
// arrive instead: each group keeps its latest event, and the flush builds
// one row per group from it. The additions happen in the same order from
// the same empty state, so every value is the same; the batch is not
// stored.

// decideIncremental sets query.incremental, once the model knows whether
// the query is cyclic.
func (q *query) decideIncremental() {
	p := q.plan
	if q.win == nil || q.cyclic || !q.grouped || !p.Aggregating || q.wantExp || q.tags || q.rowKeys ||
		p.Having != nil || len(p.OrderBy) > 0 || p.Rate != nil ||
		q.join != nil || q.pat != nil || q.side != nil || q.upsert != nil || q.part != nil && q.part.cyclic {
		return
	}
	switch q.win.Kind {
	case plan.WinTimeBatch, plan.WinLengthBatch:
	default:
		return
	}
	for _, a := range q.aggs {
		ok := true
		walk(a.Arg, func(x plan.Expr) {
			switch x.(type) {
			case *plan.Now, *plan.Call:
				ok = false
			}
		})
		if !ok {
			return
		}
	}
	q.incremental = true
	// Groups are deleted by batch membership, not by counting held events.
	q.countHeld, q.heldGroup = false, false
}

// genIncremental emits q<N>Add, which adds an arriving event (of the input
// stream, after WHERE) to the open batch, and q<N>Flush, which emits the
// batch's rows.
func (g *qgen) genIncremental(kernels []*kernel) {
	q, p := g.q, g.q.plan
	g.field("Open", jen.Index().Int32(), "groups of the open batch, in first-event order")
	g.field("Prev", jen.Index().Int32(), "groups of the previous batch")
	g.field("Batches", jen.Uint32(), "batches flushed so far: the open batch's number")
	groups := func() *jen.Statement { return g.q.f("Groups") }

	b := g.selBuilder(kernels)
	b.Emit(g.lookupGroup(":=")...)
	b.Emit(
		jen.Id("g").Op(":=").Add(groups()).Dot("At").Call(jen.Id("gi")),
		jen.If(jen.Id("isNew").Op("||").Id("g").Dot("batch").Op("!=").Add(q.f("Batches"))).Block(
			jen.Comment("The group's first event in the batch: its aggregates start empty"),
			jen.Comment("(RESET), its row comes at the flush."),
			jen.If(jen.Id("isNew")).Block(jen.Id("g").Dot("clear").Call()).Else().Block(jen.Id("g").Dot("reset").Call()),
			jen.Id("g").Dot("batch").Op("=").Add(q.f("Batches")),
			q.f("Open").Op("=").Append(q.f("Open"), jen.Id("gi")),
		),
	)
	adds, _ := g.kernelUpdates(b, kernels)
	b.Emit(adds.code()...)
	b.Emit(jen.Id(q.name("Hold")).Call(jen.Op("&").Id("g").Dot("last"), jen.Id("ts"), jen.Id("e")))
	g.method("Add", []jen.Code{jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(q.in.Type)},
		q.name("Add")+" adds e to the open batch: its group's aggregates are updated now, its\n"+
			"row is built at the flush.", b.Take()...)

	b = g.selBuilder(kernels)
	b.Emit(
		jen.Id("g").Op(":=").Add(groups()).Dot("At").Call(jen.Id("gi")),
		jen.Id("e").Op(":=").Op("&").Id("g").Dot("last"),
		jen.Id("ts").Op(":=").Id("e").Dot("ts"),
		jen.Id("row").Op(":=").Add(q.f("Out")).Dot("Append").Call(jen.Id("ts")),
	)
	g.project(b)
	body := []jen.Code{
		q.f("Out").Dot("Reset").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("gi")).Op(":=").Range().Add(q.f("Open"))).Block(b.Take()...),
	}
	if q.deletable {
		body = append(body,
			jen.Comment("Delete the groups that have no event in this batch (bounded memory)."),
			jen.For(jen.List(jen.Id("_"), jen.Id("gi")).Op(":=").Range().Add(q.f("Prev"))).Block(
				jen.If(groups().Dot("At").Call(jen.Id("gi")).Dot("batch").Op("!=").Add(q.f("Batches"))).Block(
					groups().Dot("Delete").Call(jen.Id("gi")))))
	}
	body = append(body,
		jen.List(q.f("Prev"), q.f("Open")).Op("=").List(q.f("Open"), q.f("Prev").Index(jen.Empty(), jen.Lit(0))),
		q.f("Batches").Op("++"),
	)
	if p.Offset > 0 || p.Limit >= 0 {
		body = append(body, q.f("Out").Dot("Keep").Call(jen.Lit(int(p.Offset)), jen.Lit(int(p.Limit))).Comment("OFFSET, LIMIT"))
	}
	body = append(body, g.deliver(q.f("Out"))...)
	g.method("Flush", nil, q.name("Flush")+" emits the closed batch in one emission: a row per group, in the order\n"+
		"the groups first appeared in it, from its aggregates and its latest event.", body...)
}
