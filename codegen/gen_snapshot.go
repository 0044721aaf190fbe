package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
)

// snapshotAggCols marks the output columns that contain an aggregate call
// and reports whether all of them do (the query shapes of §7.3).
func snapshotAggCols(p *plan.Query) (aggCols []bool, allAgg bool) {
	aggCols = make([]bool, len(p.Select))
	allAgg = true
	for i, c := range p.Select {
		walk(c.Expr, func(e plan.Expr) {
			if _, ok := e.(*plan.Agg); ok {
				aggCols[i] = true
			}
		})
		allAgg = allAgg && aggCols[i]
	}
	return aggCols, allAgg
}

// genSnapshot emits the state of OUTPUT SNAPSHOT EVERY d (§7.3) and returns
// the statements of q<N>Limit that update it from the tagged rows; the tick
// emits the state.
func (g *qgen) genSnapshot(d int64) []jen.Code {
	q := g.q
	aggCols, allAgg := snapshotAggCols(q.plan)
	nAgg := 0
	for _, isAgg := range aggCols {
		if isAgg {
			nAgg++
		}
	}
	held := q.windowed() && (nAgg == 0 || !allAgg)       // rows per held event
	lastRow := !q.grouped && (!q.windowed() || nAgg > 0) // the most recent row
	groups := q.grouped && (!q.windowed() || nAgg > 0)   // a row per group
	out := jen.Id(q.out.Type)
	tag := func() *jen.Statement { return q.f("Tags").Index(jen.Id("i")) }
	row := g.rowEv("i")
	ts := g.rowTS("i")
	// overwrite copies the aggregate columns of src into dst.
	overwrite := func(dst, src *jen.Statement) []jen.Code {
		var c []jen.Code
		for i, isAgg := range aggCols {
			if !isAgg {
				continue
			}
			f := q.out.Fields[i]
			c = append(c,
				jen.Add(dst).Dot(f).Op("=").Add(src).Dot(f),
				jen.If(jen.Add(src).Dot("Null").Dot("Is").Call(jen.Lit(i))).Block(jen.Add(dst).Dot("Null").Dot("Set").Call(jen.Lit(i))).
					Else().Block(jen.Add(dst).Dot("Null").Dot("Clear").Call(jen.Lit(i))))
		}
		return c
	}
	var update, tick []jen.Code
	if held {
		st := q.name("SnapRow")
		fields := []jen.Code{jen.Id("ts").Int64(), jen.Id("row").Add(out), jen.Id("seq").Uint64().Comment("the number of the held event")}
		vals := []jen.Code{field("ts", ts), field("row", row), field("seq", q.f("Seqs").Index(jen.Id("i")))}
		if q.grouped {
			fields = append(fields, jen.Id("key").Id(q.name("Key")))
			vals = append(vals, field("key", g.rowKey("i")))
		}
		g.decl([]string{st + " is a row of an event held by " + q.Method + "'s window, for snapshots."}, jen.Type().Id(st).Struct(fields...))
		g.field("SnapHeld", rtType("Ring", jen.Id(st)), "rows of the events the window holds, oldest first")
		same := []jen.Code{}
		for i, isAgg := range aggCols {
			if isAgg {
				continue
			}
			f := q.out.Fields[i]
			same = append(same, jen.If(jen.Id("x").Dot("Null").Dot("Is").Call(jen.Lit(i)).Op("!=").Id("y").Dot("Null").Dot("Is").Call(jen.Lit(i)).Op("||").
				Op("!").Id("x").Dot("Null").Dot("Is").Call(jen.Lit(i)).Op("&&").Id("x").Dot(f).Op("!=").Id("y").Dot(f)).Block(jen.Return(jen.False())))
		}
		same = append(same, jen.Return(jen.True()))
		g.decl([]string{q.name("SameEvent") + " reports whether rows x and y agree on their non-aggregate columns: an", "expired row and the held row of the same event."},
			jen.Func().Id(q.name("SameEvent")).Params(jen.List(jen.Id("x"), jen.Id("y")).Op("*").Add(out)).Bool().Block(same...))
		h := func() *jen.Statement { return q.f("SnapHeld") }
		update = append(update, jen.If(jen.Op("!").Add(tag())).Block(
			jen.Op("*").Add(h()).Dot("Push").Call().Op("=").Id(st).Values(vals...),
		).Else().Block(
			jen.Comment("Remove the held row of the event that expired: by its number, or, for an"),
			jen.Comment("event the selector never numbered, the oldest row with equal columns."),
			jen.Id("s").Op(":=").Add(q.f("Seqs")).Index(jen.Id("i")),
			jen.For(jen.Id("j").Op(":=").Range().Add(h()).Dot("Len").Call()).Block(
				jen.If(jen.Id("s").Op("!=").Lit(0).Op("&&").Add(h()).Dot("At").Call(jen.Id("j")).Dot("seq").Op("==").Id("s").Op("||").
					Id("s").Op("==").Lit(0).Op("&&").Id(q.name("SameEvent")).Call(jen.Op("&").Add(h()).Dot("At").Call(jen.Id("j")).Dot("row"), jen.Op("&").Add(row))).Block(
					h().Dot("RemoveAt").Call(jen.Id("j")), jen.Break())),
		))
	}
	if lastRow {
		g.field("SnapLast", out, "the most recent row")
		g.field("SnapLastTS", jen.Int64(), "its timestamp")
		g.field("SnapOk", jen.Bool(), "SnapLast is set")
		set := []jen.Code{q.f("SnapLast").Op("=").Add(row), q.f("SnapLastTS").Op("=").Add(ts), q.f("SnapOk").Op("=").True()}
		switch {
		case !q.windowed():
			update = append(update, jen.If(jen.Op("!").Add(tag())).Block(set...))
		case allAgg:
			update = append(update, jen.If(jen.Op("!").Add(tag())).Block(set...).Else().Block(q.f("SnapOk").Op("=").False()))
		default:
			update = append(update, set...)
		}
	}
	if groups {
		st := q.name("SnapGroup")
		g.decl([]string{st + " is the most recent row of a group of " + q.Method + ", for snapshots."},
			jen.Type().Id(st).Struct(
				jen.Id("ts").Int64(), jen.Id("row").Add(out),
				jen.Id("held").Int64().Comment("current minus expired rows"),
				jen.Id("seq").Int64().Comment("first-seen order"),
				jen.Id("tick").Uint32().Comment("the tick that last emitted the group"),
			))
		g.field("SnapGroups", rtType("Table", jen.Id(q.name("Key")), jen.Id(st)), "per group, its most recent row")
		g.field("SnapSeq", jen.Int64(), "groups seen")
		g.field("SnapOrder", jen.Index().Int32(), "scratch: groups in first-seen order")
		upd := []jen.Code{
			jen.List(jen.Id("si"), jen.Id("isNew")).Op(":=").Add(q.f("SnapGroups")).Dot("Lookup").Call(g.rowKey("i")),
			jen.Id("s").Op(":=").Add(q.f("SnapGroups")).Dot("At").Call(jen.Id("si")),
			jen.If(jen.Id("isNew")).Block(
				jen.Op("*").Id("s").Op("=").Id(st).Values(field("seq", q.f("SnapSeq"))),
				q.f("SnapSeq").Op("++"),
			),
			jen.List(jen.Id("s").Dot("ts"), jen.Id("s").Dot("row")).Op("=").List(ts, row),
		}
		if q.windowed() && !held {
			upd = append(upd,
				jen.If(tag()).Block(jen.Id("s").Dot("held").Op("--")).Else().Block(jen.Id("s").Dot("held").Op("++")),
				jen.If(jen.Id("s").Dot("held").Op("<=").Lit(0)).Block(q.f("SnapGroups").Dot("Delete").Call(jen.Id("si"))))
		}
		if q.windowed() {
			update = append(update, jen.Block(upd...))
		} else {
			update = append(update, jen.If(jen.Op("!").Add(tag())).Block(upd...))
		}
	}
	// The tick.
	rated := func() *jen.Statement { return q.f("Rated") }
	switch {
	case held && !q.grouped:
		body := []jen.Code{
			jen.Id("h").Op(":=").Add(q.f("SnapHeld")).Dot("At").Call(jen.Id("i")),
			jen.Id("o").Op(":=").Add(rated()).Dot("Append").Call(jen.Id("h").Dot("ts")),
			jen.Op("*").Id("o").Op("=").Id("h").Dot("row"),
		}
		if nAgg > 0 {
			body = append(body, jen.If(q.f("SnapOk")).Block(overwrite(jen.Id("o"), q.f("SnapLast"))...))
		}
		tick = append(tick, jen.For(jen.Id("i").Op(":=").Range().Add(q.f("SnapHeld")).Dot("Len").Call()).Block(body...))
	case held:
		g.field("SnapTick", jen.Uint32(), "ticks so far")
		tick = append(tick,
			q.f("SnapTick").Op("++"),
			jen.For(jen.Id("i").Op(":=").Range().Add(q.f("SnapHeld")).Dot("Len").Call()).Block(
				jen.Id("h").Op(":=").Add(q.f("SnapHeld")).Dot("At").Call(jen.Id("i")),
				jen.Id("o").Op(":=").Add(rated()).Dot("Append").Call(jen.Id("h").Dot("ts")),
				jen.Op("*").Id("o").Op("=").Id("h").Dot("row"),
			))
		if groups {
			tick = tick[:1]
			tick = append(tick, jen.For(jen.Id("i").Op(":=").Range().Add(q.f("SnapHeld")).Dot("Len").Call()).Block(append([]jen.Code{
				jen.Id("h").Op(":=").Add(q.f("SnapHeld")).Dot("At").Call(jen.Id("i")),
				jen.List(jen.Id("si"), jen.Id("ok")).Op(":=").Add(q.f("SnapGroups")).Dot("Find").Call(jen.Id("h").Dot("key")),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
				jen.Id("s").Op(":=").Add(q.f("SnapGroups")).Dot("At").Call(jen.Id("si")),
				jen.If(jen.Id("s").Dot("tick").Op("==").Add(q.f("SnapTick"))).Block(jen.Continue().Comment("the group's oldest held row was emitted")),
				jen.Id("s").Dot("tick").Op("=").Add(q.f("SnapTick")),
				jen.Id("o").Op(":=").Add(rated()).Dot("Append").Call(jen.Id("h").Dot("ts")),
				jen.Op("*").Id("o").Op("=").Id("h").Dot("row"),
			}, overwrite(jen.Id("o"), jen.Id("s").Dot("row"))...)...))
		}
	case lastRow:
		tick = append(tick, jen.If(q.f("SnapOk")).Block(
			jen.Op("*").Add(rated()).Dot("Append").Call(q.f("SnapLastTS")).Op("=").Add(q.f("SnapLast"))))
	case groups:
		ord := func() *jen.Statement { return q.f("SnapOrder") }
		tick = append(tick,
			ord().Op("=").Add(ord()).Index(jen.Empty(), jen.Lit(0)),
			jen.For(jen.Id("i").Op(":=").Range().Int32().Call(q.f("SnapGroups").Dot("Slots").Call())).Block(
				jen.If(q.f("SnapGroups").Dot("Live").Call(jen.Id("i"))).Block(ord().Op("=").Append(ord(), jen.Id("i")))),
			jen.Qual("slices", "SortFunc").Call(ord(), jen.Func().Params(jen.List(jen.Id("x"), jen.Id("y")).Int32()).Int().Block(
				jen.Return(jen.Qual("cmp", "Compare").Call(
					q.f("SnapGroups").Dot("At").Call(jen.Id("x")).Dot("seq"),
					q.f("SnapGroups").Dot("At").Call(jen.Id("y")).Dot("seq"))))),
			jen.For(jen.List(jen.Id("_"), jen.Id("i")).Op(":=").Range().Add(ord())).Block(
				jen.Id("s").Op(":=").Add(q.f("SnapGroups")).Dot("At").Call(jen.Id("i")),
				jen.Op("*").Add(rated()).Dot("Append").Call(jen.Id("s").Dot("ts")).Op("=").Id("s").Dot("row"),
			),
		)
	}
	g.rateTimer(d, tick...)
	return []jen.Code{g.eachRow(update...)}
}
