package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/types"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
)

// The selector of a stateful query (§6.2) is four methods called by its
// window code for every emission:
//
//	q1Begin()                          start an emission: empty the output chunk
//	q1Select(ts, e, expired)           one CURRENT or EXPIRED event: update the
//	                                   group's aggregates, build the row, HAVING,
//	                                   keep it as a candidate (collapsing)
//	q1Reset()                          RESET: clear the aggregates of every group
//	q1End()                            delete emptied groups, ORDER BY, OFFSET,
//	                                   LIMIT, rate limiting, deliver the chunk
//
// When the emission of q1One has one row at most (query.oneRow), q1One
// calls neither q1Begin nor q1End: q1SelectOne(ts, e) selects its event,
// building the row in q1Row, and q1EndOne(ts) deletes emptied groups and
// hands q1Row to the output's subscribers.
//
// Group state lives in q1Group values (one field per aggregate) in an
// rt.Table keyed by the q1Key struct, or in the single field q1Agg without
// GROUP BY. A group's candidate row is tracked by the emission number
// (epoch) and its index in the output chunk, so collapsing allocates
// nothing.

// evType is the Go type of the events the selector reads: the held event
// of a window, or the input stream's struct.
func (g *qgen) evType() string {
	if g.q.windowed() {
		return g.q.name("Event")
	}
	return g.q.in.Type
}

// canExpire reports whether the selector can see expired events.
func (g *qgen) canExpire() bool {
	return (g.q.windowed() || g.q.join != nil) && g.q.removal != removeNever && g.q.needsExpired()
}

// genHeld emits the held event type and the function copying an input
// event into it: only the attributes the query reads are kept.
func (g *qgen) genHeld() {
	q := g.q
	fields := []jen.Code{jen.Id("ts").Int64()}
	sets := []jen.Code{jen.Id("h").Dot("ts").Op("=").Id("ts")}
	for i, used := range q.heldAttrs {
		if !used {
			continue
		}
		fields = append(fields, jen.Id(q.in.Fields[i]).Add(expr.GoType(q.in.plan.Attrs[i].Type)))
		sets = append(sets, jen.Id("h").Dot(q.in.Fields[i]).Op("=").Id("e").Dot(q.in.Fields[i]))
	}
	if !q.leanHeld || len(fields) > 1 {
		fields = append(fields, jen.Id("Null").Qual(rtPath, "NullMask").Comment("the input event's null mask"))
		sets = append(sets, jen.Id("h").Dot("Null").Op("=").Id("e").Dot("Null"))
	}
	if s := q.side; s != nil && (s.expose == exposeRing || s.expose == exposeIndex) || q.rowSeqs {
		fields = append(fields, jen.Id("seq").Uint64().Comment("its number on entering the window, its identity on expiry"))
	}
	if s := q.side; s != nil && s.expose == exposeIndex {
		fields = append(fields, jen.Id("slot").Int32().Comment("its key's slot in "+s.indexName()+", set when exposed"))
		if s.chained {
			fields = append(fields, jen.Id("next").Uint64().Comment("the number of its key's next event, 0 for none"))
		}
	}
	params := []jen.Code{jen.Id("h").Op("*").Id(q.name("Event")), jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(q.in.Type)}
	holdDoc := []string{q.name("Hold") + " copies what " + q.Method + "'s window keeps of e into h, field by field",
		"(a struct value built and then copied stalls store forwarding)."}
	switch {
	case q.leanHeld:
		fields = append(fields, jen.Id("group").Int32().Comment("its group's slot in "+q.name("Groups")+", from "+q.name("GroupOf")+" on arrival"))
		params = append(params, jen.Id("gi").Int32())
		sets = append(sets, jen.Id("h").Dot("group").Op("=").Id("gi"))
		holdDoc = []string{q.name("Hold") + " copies what " + q.Method + "'s window keeps of e, and its group's slot gi,",
			"into h, field by field (a struct value built and then copied stalls store",
			"forwarding)."}
	case q.heldGroup:
		fields = append(fields, jen.Id("group").Int32().Comment("its group's slot in "+q.name("Groups")+", set by "+q.name("Select")))
	}
	t := q.name("Event")
	doc := []string{t + " is an event held by " + q.Method + "'s window: its timestamp and the attributes", q.Method + " reads."}
	if q.leanHeld {
		doc = []string{t + " is an event held by " + q.Method + "'s window: what expiring it reads (" + q.name("Select"),
			"reads a current event from the input event)."}
	}
	g.decl(doc, jen.Type().Id(t).Struct(fields...))
	g.decl(holdDoc, jen.Func().Id(q.name("Hold")).Params(params...).Block(sets...))
}

// genGroupOf emits q<N>GroupOf(e), the slot of an arriving event's group
// (state.leanHeld). The window looks it up before the events e expires,
// as the first thing it does with e: the lookup's cache misses then
// overlap the expiries' instead of waiting for them, and the result is
// the same, since expiries only list groups for deletion at the end of
// the emission (q<N>End), so none of their slots is freed before e is
// selected.
func (g *qgen) genGroupOf() {
	q := g.q
	body := append(g.lookupGroup(":="),
		jen.If(jen.Id("isNew")).Block(q.f("Groups").Dot("At").Call(jen.Id("gi")).Dot("clear").Call()),
		jen.Return(jen.Id("gi")),
	)
	g.decl([]string{
		q.name("GroupOf") + " is the slot of e's group in " + q.name("Groups") + ", a new group cleared. The",
		"window calls it on e's arrival, before the expiries e causes: these delete no",
		"group before " + q.name("End") + ", so the slot is still e's group when e is selected.",
	}, jen.Func().Add(g.recv()).Id(q.name("GroupOf")).Params(jen.Id("e").Op("*").Id(q.in.Type)).Int32().Block(body...))
}

// groupKeys are the distinct GROUP BY attributes.
func (g *qgen) groupKeys() []groupKey {
	q := g.q
	var keys []groupKey
	seen := map[string]bool{}
	scope := names.NewScope()
	for _, r := range q.plan.GroupBy {
		id := plan.ExprString(r)
		if q.pat == nil {
			id = fmt.Sprint(r.Source, r.Attr)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		k := groupKey{typ: r.T}
		switch {
		case q.pat != nil:
			// A pattern's selector reads the match's run (§10.5).
			s := q.pat.slots[r.Source]
			k.field = scope.Take(names.Exported(q.pat.in.Sources[r.Source].Alias) + s.st.Fields[r.Attr])
			sl := q.pat.refSlot("r", r)
			k.val, k.null = sl.Val, sl.Null
		case q.join != nil:
			s := q.join.sides[r.Source]
			ev := jen.Id([2]string{"l", "r"}[r.Source])
			k.field = scope.Take(s.fields()[r.Attr])
			k.val, k.null = ev.Clone().Dot(s.fields()[r.Attr]), ev.Clone().Dot("Null").Dot("Is").Call(jen.Lit(r.Attr))
		default:
			k.field = q.in.Fields[r.Attr]
			k.val, k.null = jen.Id("e").Dot(k.field), jen.Id("e").Dot("Null").Dot("Is").Call(jen.Lit(r.Attr))
		}
		keys = append(keys, k)
	}
	return keys
}

// groupKey is one GROUP BY attribute: its field in the key struct, read
// as val with null flag null.
type groupKey struct {
	field     string
	val, null *jen.Statement
	typ       types.Type
}

// scalarKey reports whether the group table is keyed by the one GROUP BY
// attribute's Go type (its null key apart, rt.Table.LookupNull) rather than
// the q<N>Key struct, which hashes and compares slower. Rows that carry
// their key (rate limiting per group) need the struct.
func (g *qgen) scalarKey() bool {
	return g.q.grouped && len(g.groupKeys()) == 1 && !g.q.rowKeys
}

// groupKeyType is the key type of the group table.
func (g *qgen) groupKeyType() jen.Code {
	if g.scalarKey() {
		return expr.GoType(g.groupKeys()[0].typ)
	}
	return jen.Id(g.q.name("Key"))
}

// lookupGroup is the statements setting gi and isNew (declared with op
// ":=" or assigned with "=") to the group of the event being selected.
func (g *qgen) lookupGroup(op string) []jen.Code {
	q := g.q
	keys := g.groupKeys()
	if g.scalarKey() {
		k := keys[0]
		decl := []jen.Code{jen.Var().Id("isNew").Bool()}
		if op == ":=" {
			decl = []jen.Code{jen.Var().Id("gi").Int32(), jen.Var().Id("isNew").Bool()}
		}
		return append(decl, jen.If(k.null).Block(
			jen.List(jen.Id("gi"), jen.Id("isNew")).Op("=").Add(q.f("Groups")).Dot("LookupNull").Call(),
		).Else().Block(
			jen.List(jen.Id("gi"), jen.Id("isNew")).Op("=").Add(q.f("Groups")).Dot("Lookup").Call(k.val),
		))
	}
	key := []jen.Code{jen.Var().Id("k").Id(q.name("Key"))}
	for _, k := range keys {
		key = append(key, jen.If(k.null).Block(
			jen.Id("k").Dot(k.field+"Null").Op("=").True(),
		).Else().Block(jen.Id("k").Dot(k.field).Op("=").Add(k.val)))
	}
	if op == "=" {
		key = append(key, jen.Var().Id("isNew").Bool())
	}
	return append(key, jen.List(jen.Id("gi"), jen.Id("isNew")).Op(op).Add(q.f("Groups")).Dot("Lookup").Call(jen.Id("k")))
}

// genGroups emits the key and group types and the group state fields.
func (g *qgen) genGroups(kernels []*kernel) {
	q := g.q
	if q.grouped && !g.scalarKey() {
		fields := []jen.Code{}
		for _, k := range g.groupKeys() {
			fields = append(fields, jen.Id(k.field).Add(expr.GoType(k.typ)), jen.Id(k.field+"Null").Bool())
		}
		g.decl([]string{q.name("Key") + " is a GROUP BY key of " + q.Method + " (null is a value of its own)."},
			jen.Type().Id(q.name("Key")).Struct(fields...))
	}
	if !q.plan.Aggregating && !q.grouped {
		return
	}
	fields := []jen.Code{}
	if q.countHeld && g.held == "held" {
		fields = append(fields, jen.Id("held").Int64().Comment("events of the group held by the window"))
	}
	if q.incremental {
		fields = append(fields,
			jen.Id("batch").Uint32().Comment("the batch its aggregates belong to"),
			jen.Id("last").Id(q.name("Event")).Comment("its latest event in that batch"))
	} else if q.grouped {
		fields = append(fields,
			jen.Id("epoch").Uint32().Comment("the emission in which the group last had a candidate row"),
			jen.Id("cand").Int32().Comment("that row's index in the output chunk"))
	}
	for _, k := range kernels {
		fields = append(fields, k.fields...)
	}
	t := q.name("Group")
	g.decl([]string{t + " is the aggregate state of one group of " + q.Method + ", one field per aggregate."},
		jen.Type().Id(t).Struct(fields...))
	reset := []jen.Code{}
	clear := []jen.Code{}
	for _, k := range kernels {
		reset = append(reset, k.reset...)
		clear = append(clear, k.clear...)
	}
	g.decl([]string{"reset is RESET: it clears every aggregate but MINFOREVER and MAXFOREVER."},
		jen.Func().Params(jen.Id("g").Op("*").Id(t)).Id("reset").Params().Block(reset...))
	if q.grouped {
		if !q.incremental {
			clear = append([]jen.Code{jen.Id("g").Dot("epoch").Op("=").Lit(0)}, clear...)
		}
		if q.countHeld && g.held == "held" {
			clear = append([]jen.Code{jen.Id("g").Dot("held").Op("=").Lit(0)}, clear...)
		}
		g.decl([]string{"clear makes a new group empty, keeping the buffers of the slot's previous group."},
			jen.Func().Params(jen.Id("g").Op("*").Id(t)).Id("clear").Params().Block(clear...))
		g.field("Groups", rtType("Table", g.groupKeyType(), jen.Id(t)), "GROUP BY state")
		if q.incremental {
			return
		}
		g.field("Epoch", jen.Uint32(), "emissions so far")
		if q.deletable {
			g.field("Pending", jen.Index().Int32(), "groups that may have become empty in this emission")
		}
	} else {
		g.field("Agg", jen.Id(t), "aggregate state")
	}
}

// genSelector emits Begin, Select, Reset and End.
func (g *qgen) genSelector() {
	q := g.q
	var kernels []*kernel
	g.held = "held"
	for _, a := range q.aggs {
		kernels = append(kernels, newKernel(a, q.removal))
		if a.Kind == plan.AggCount && a.Arg == nil && q.countHeld {
			// COUNT() counts exactly the held events.
			g.held = kernelName(a)
		}
	}
	shareAvg(kernels, func(a *plan.Agg) string {
		b := g.selBuilder(kernels)
		b.SetOutExprs(q.plan.Select)
		v := b.Value(a.Arg)
		return fmt.Sprintf("%v %#v %#v %#v", v.T, b.Take(), v.Code(), v.NullCode())
	})
	g.genGroups(kernels)
	if q.incremental {
		g.genIncremental(kernels)
		return
	}
	if q.collapse && !g.directRow() {
		g.field("Row", jen.Id(q.out.Type), "the row being built")
	} else if q.oneRow() {
		g.field("Row", jen.Id(q.out.Type), "the row of "+q.name("One")+"'s event")
	}
	if q.tags {
		g.field("Tags", jen.Index().Bool(), "per output row: produced by an expired event")
	}
	if q.rowKeys {
		g.field("Keys", jen.Index().Id(q.name("Key")), "per output row: its group")
	}
	if q.sortKeys {
		g.genSortKey()
	}
	if q.rowSeqs {
		g.field("Seqs", jen.Index().Uint64(), "per output row: the number of the held event that produced it")
		g.field("Seq", jen.Uint64(), "held events numbered so far (when first selected as current)")
	}
	g.genBegin()
	if q.leanHeld {
		g.genGroupOf()
	}
	g.genSelect(kernels)
	if q.plan.Aggregating && q.resets() {
		g.genReset()
	}
	g.genEnd()
	if q.oneRow() {
		g.genSelectOne(kernels)
		g.genEndOne()
	}
}

func (g *qgen) genBegin() {
	q := g.q
	body := []jen.Code{}
	if !q.cyclic {
		body = append(body, q.f("Out").Dot("Reset").Call())
	}
	if q.tags {
		body = append(body, q.f("Tags").Op("=").Add(q.f("Tags")).Index(jen.Empty(), jen.Lit(0)))
	}
	if q.rowKeys {
		body = append(body, q.f("Keys").Op("=").Add(q.f("Keys")).Index(jen.Empty(), jen.Lit(0)))
	}
	if q.rowSeqs {
		body = append(body, q.f("Seqs").Op("=").Add(q.f("Seqs")).Index(jen.Empty(), jen.Lit(0)))
	}
	if q.sortKeys {
		body = append(body, q.f("Sort").Op("=").Add(q.f("Sort")).Index(jen.Empty(), jen.Lit(0)))
	}
	if q.join != nil && q.join.self() {
		g.field("Open", jen.Int(), "nesting of Begin: a self-join's entry holds one output chunk open for both sides")
		body = append([]jen.Code{jen.If(jen.Add(q.f("Open")).Op("++"), q.f("Open").Op(">").Lit(1)).Block(jen.Return())}, body...)
	}
	if q.join != nil {
		g.method("Begin", nil, q.name("Begin")+" starts an output chunk: the rows of the probes of one incoming\n// chunk or timer firing (§8).", body...)
		if q.collapse {
			g.genEmission()
		}
		return
	}
	if q.grouped {
		body = append(body, q.f("Epoch").Op("++"))
	}
	g.method("Begin", nil, q.name("Begin")+" starts an emission.", body...)
}

// directRow reports whether the selector builds a collapsed row in its
// candidate slot of the output chunk at once: without HAVING (a rejected
// row must leave the earlier candidate as it was) and outside joins (whose
// candidates sit at q<N>Base).
func (g *qgen) directRow() bool {
	return g.q.collapse && g.q.plan.Having == nil && g.q.join == nil
}

// markPending lists group gi for deletion at the end of the emission (if
// it is empty then). A group may be listed twice; rt.Table.Delete of a
// deleted slot does nothing.
func (g *qgen) markPending(gi jen.Code) jen.Code {
	q := g.q
	return q.f("Pending").Op("=").Append(q.f("Pending"), gi)
}

// selBuilder is the expression builder of the selector: e the event (l
// and r the joined events, r a pattern's run), g its group, row the
// output row, ts its time.
func (g *qgen) selBuilder(kernels []*kernel) *expr.Builder {
	q := g.q
	env := expr.Env{
		Out: jen.Id("row"), OutFields: q.out.Fields,
		TS: jen.Id("ts"), Now: aField("now"),
		Agg: func(a *plan.Agg) expr.Value {
			for _, k := range kernels {
				if k.agg.ID == a.ID {
					return k.result(jen.Id("g"))
				}
			}
			panic("codegen: unknown aggregate")
		},
	}
	switch {
	case q.join != nil:
		g.joinSelectEnv(&env)
	case q.pat != nil:
		env.Ref = func(r *plan.Ref) expr.Slot { return q.pat.refSlot("r", r) }
		env.EventTime = func(src int) expr.Slot { return q.pat.timeSlot("r", src) }
	default:
		env.In, env.InFields = jen.Id("e"), q.in.Fields
		if q.leanHeld {
			// The attributes expiring an event reads come from its held
			// copy h, the others (read for current events only) from e.
			env.Ref = func(r *plan.Ref) expr.Slot {
				ev := jen.Id("e")
				if q.heldAttrs[r.Attr] {
					ev = jen.Id("h")
				}
				return expr.Slot{Val: ev.Clone().Dot(q.in.Fields[r.Attr]), Null: ev.Clone().Dot("Null").Dot("Is").Call(jen.Lit(r.Attr))}
			}
		}
	}
	return g.m.builder(env)
}

// heldVar is the selector's variable holding the held event whose group
// slot it keeps (state.heldGroup): h when the selector reads a current
// event from the input event e (state.leanHeld), e otherwise.
func (g *qgen) heldVar() *jen.Statement {
	if g.q.leanHeld {
		return jen.Id("h")
	}
	return jen.Id("e")
}

// kernelUpdates returns the statements adding the selected event to group
// g's aggregates and removing it. In aggregate arguments, output column
// names (HAVING resolves them first, §6.4) stand for the column's
// expression.
func (g *qgen) kernelUpdates(b *expr.Builder, kernels []*kernel) (adds, removes guarded) {
	b.SetOutExprs(g.q.plan.Select)
	defer b.SetOutExprs(nil)
	for _, k := range kernels {
		if k.shared {
			continue // updated by the kernel it shares
		}
		var v jen.Code
		var notNull *jen.Statement
		if k.agg.Arg != nil {
			val := b.Value(k.agg.Arg)
			if val.AlwaysNull {
				continue
			}
			if k.argType != 0 && k.argType != val.T {
				val = b.Widen(val, k.argType)
			}
			if val.Nullable() {
				val = b.Reuse(val)
				notNull = val.NotNullCode()
			}
			v = val.Code()
		}
		adds.add(notNull, k.add(v))
		if k.remove != nil {
			removes.add(notNull, k.remove(v))
		}
	}
	return adds, removes
}

// guarded is a list of statements, each run only if its condition holds
// (nil: always); consecutive statements under the same condition share one
// if: aggregates over one argument test its null bit once.
type guarded struct {
	conds  []*jen.Statement
	keys   []string
	bodies [][]jen.Code
}

func (l *guarded) add(cond *jen.Statement, c jen.Code) {
	key := ""
	if cond != nil {
		key = fmt.Sprintf("%#v", cond)
	}
	if n := len(l.keys); n > 0 && cond != nil && l.keys[n-1] == key {
		l.bodies[n-1] = append(l.bodies[n-1], c)
		return
	}
	l.conds = append(l.conds, cond)
	l.keys = append(l.keys, key)
	l.bodies = append(l.bodies, []jen.Code{c})
}

func (l *guarded) code() []jen.Code {
	var out []jen.Code
	for i, c := range l.conds {
		if c == nil {
			out = append(out, l.bodies[i]...)
		} else {
			out = append(out, jen.If(c).Block(l.bodies[i]...))
		}
	}
	return out
}

func (g *qgen) genSelect(kernels []*kernel) {
	q, p := g.q, g.q.plan
	b := g.selBuilder(kernels)
	if q.join != nil && p.Where != nil {
		// The WHERE conjuncts left after the per-side filters run on
		// every joined row, null-extended ones included (§8).
		reject, always, never := b.Reject(p.Where)
		switch {
		case always:
			b.Emit(jen.Return().Comment("the WHERE condition is never true"))
		case !never:
			b.Emit(jen.If(reject).Block(jen.Return()))
		}
	}
	g.selectGroup(b, g.canExpire())
	g.selectUpdates(b, kernels, g.canExpire())
	// Rows only for the emitted event kinds (§4.5).
	if !g.canExpire() && !q.wantCur {
		b.Emit(jen.Return().Comment("only expired rows are emitted, and there are none"))
	} else if g.canExpire() {
		switch {
		case !q.wantExp:
			b.Emit(jen.If(jen.Id("expired")).Block(jen.Return()))
		case !q.wantCur:
			b.Emit(jen.If(jen.Op("!").Id("expired")).Block(jen.Return()))
		}
	}
	// The row. Without HAVING a collapsed row is built in its candidate
	// slot at once; with HAVING apart, so that a rejected row leaves the
	// group's earlier candidate as it was.
	direct := g.directRow()
	switch {
	case direct && q.grouped:
		b.Emit(
			jen.If(jen.Id("g").Dot("epoch").Op("!=").Add(q.f("Epoch"))).Block(
				jen.List(jen.Id("g").Dot("epoch"), jen.Id("g").Dot("cand")).Op("=").List(q.f("Epoch"), jen.Int32().Call(q.f("Out").Dot("Len").Call())),
			),
			jen.Id("i").Op(":=").Int().Call(jen.Id("g").Dot("cand")),
			jen.Id("row").Op(":=").Add(q.f("Out")).Dot("Put").Call(jen.Id("i"), jen.Id("ts")),
		)
	case direct:
		b.Emit(jen.Id("row").Op(":=").Add(q.f("Out")).Dot("Put").Call(jen.Lit(0), jen.Id("ts")))
	case q.collapse:
		b.Emit(jen.Id("row").Op(":=").Op("&").Add(q.f("Row")), jen.Op("*").Id("row").Op("=").Id(q.out.Type).Values())
	default:
		b.Emit(jen.Id("row").Op(":=").Add(q.f("Out")).Dot("Append").Call(jen.Id("ts")))
	}
	g.project(b)
	if p.Having != nil {
		reject, always, never := b.Reject(p.Having)
		drop := []jen.Code{}
		if !q.collapse {
			drop = append(drop, q.f("Out").Dot("DropLast").Call())
		}
		drop = append(drop, jen.Return())
		switch {
		case always:
			b.Emit(drop...)
		case !never:
			b.Emit(jen.If(reject).Block(drop...))
		}
	}
	// Keep the candidate (§6.2 step 2).
	idx := jen.Id("i")
	switch {
	case direct && q.grouped:
	case direct:
		idx = jen.Lit(0)
	case q.grouped && q.collapse:
		b.Emit(
			jen.If(jen.Id("g").Dot("epoch").Op("!=").Add(q.f("Epoch"))).Block(
				jen.List(jen.Id("g").Dot("epoch"), jen.Id("g").Dot("cand")).Op("=").List(q.f("Epoch"), jen.Int32().Call(q.f("Out").Dot("Len").Call())),
			),
			jen.Id("i").Op(":=").Int().Call(jen.Id("g").Dot("cand")),
			jen.Op("*").Add(q.f("Out")).Dot("Put").Call(jen.Id("i"), jen.Id("ts")).Op("=").Op("*").Id("row"),
		)
	case q.collapse && q.join != nil:
		idx = q.f("Base")
		b.Emit(jen.Op("*").Add(q.f("Out")).Dot("Put").Call(q.f("Base"), jen.Id("ts")).Op("=").Op("*").Id("row"))
	case q.collapse:
		idx = jen.Lit(0)
		b.Emit(jen.Op("*").Add(q.f("Out")).Dot("Put").Call(jen.Lit(0), jen.Id("ts")).Op("=").Op("*").Id("row"))
	default:
		idx = q.f("Out").Dot("Len").Call().Op("-").Lit(1)
	}
	if q.tags {
		tag := jen.Id("expired")
		if !g.canExpire() {
			tag = jen.False()
		}
		b.Emit(q.f("Tags").Op("=").Qual(rtPath, "Put").Call(q.f("Tags"), idx, tag))
	}
	if q.rowKeys {
		b.Emit(q.f("Keys").Op("=").Qual(rtPath, "Put").Call(q.f("Keys"), idx, jen.Id("k")))
	}
	if q.sortKeys {
		g.putSortKey(b, idx)
	}
	if q.rowSeqs {
		unnumbered := jen.Id("e").Dot("seq").Op("==").Lit(0)
		if g.canExpire() {
			unnumbered = jen.Op("!").Id("expired").Op("&&").Add(unnumbered)
		}
		b.Emit(
			jen.If(unnumbered).Block(q.f("Seq").Op("++"), jen.Id("e").Dot("seq").Op("=").Add(q.f("Seq"))),
			q.f("Seqs").Op("=").Qual(rtPath, "Put").Call(q.f("Seqs"), idx, jen.Id("e").Dot("seq")),
		)
	}
	params := g.selectParams(g.canExpire())
	doc := q.name("Select") + " runs the selector for one event of an emission (§6.2 step 1)."
	if q.leanHeld {
		doc += "\n// h is the event held by the window; e, the same event as it arrived, is nil\n// when h expires."
	}
	g.method("Select", params, doc, b.Take()...)
}

// selectGroup emits the statements setting gi and g to the selected
// event's group (or g to the one aggregate state without GROUP BY); with
// expires, the event may be an expired one, whose group it kept.
func (g *qgen) selectGroup(b *expr.Builder, expires bool) {
	q, p := g.q, g.q.plan
	if q.grouped {
		if q.leanHeld {
			// The window looked the group up on arrival (GroupOf).
			b.Emit(
				jen.Id("gi").Op(":=").Id("h").Dot("group"),
				jen.Id("g").Op(":=").Add(q.f("Groups")).Dot("At").Call(jen.Id("gi")),
			)
		} else if q.heldGroup && expires {
			// An expired event's group is the one it was counted in.
			b.Emit(jen.Id("gi").Op(":=").Add(g.heldVar()).Dot("group"))
			b.Emit(jen.If(jen.Op("!").Id("expired")).Block(append(g.lookupGroup("="),
				jen.If(jen.Id("isNew")).Block(q.f("Groups").Dot("At").Call(jen.Id("gi")).Dot("clear").Call()),
				g.heldVar().Dot("group").Op("=").Id("gi"),
			)...))
			b.Emit(jen.Id("g").Op(":=").Add(q.f("Groups")).Dot("At").Call(jen.Id("gi")))
		} else {
			b.Emit(g.lookupGroup(":=")...)
			if q.heldGroup {
				b.Emit(g.heldVar().Dot("group").Op("=").Id("gi"))
			}
			b.Emit(
				jen.Id("g").Op(":=").Add(q.f("Groups")).Dot("At").Call(jen.Id("gi")),
				jen.If(jen.Id("isNew")).Block(jen.Id("g").Dot("clear").Call()),
			)
		}
	} else if p.Aggregating {
		b.Emit(jen.Id("g").Op(":=").Op("&").Add(q.f("Agg")))
	}
}

// selectUpdates emits the aggregate updates of the selected event: adds,
// or with expires, removes for an expired event.
func (g *qgen) selectUpdates(b *expr.Builder, kernels []*kernel, expires bool) {
	q := g.q
	if len(kernels) > 0 {
		adds, removes := g.kernelUpdates(b, kernels)
		if q.countHeld {
			if g.held == "held" {
				adds.add(nil, jen.Id("g").Dot("held").Op("++"))
				removes.add(nil, jen.Id("g").Dot("held").Op("--"))
			}
			if q.deletable {
				removes.add(nil, jen.If(jen.Id("g").Dot(g.held).Op("==").Lit(0)).Block(
					g.markPending(jen.Id("gi"))))
			}
		}
		if expires {
			b.Emit(jen.If(jen.Id("expired")).Block(removes.code()...).Else().Block(adds.code()...))
		} else {
			b.Emit(adds.code()...)
		}
	}
	if q.deletable && !q.countHeld {
		b.Emit(g.markPending(jen.Id("gi")))
	}
}

// selectParams are the parameters of q<N>Select: the event (ts and the
// held or joined events or the pattern's run), and expired with expires.
func (g *qgen) selectParams(expires bool) []jen.Code {
	q := g.q
	var params []jen.Code
	if j := q.join; j != nil {
		params = []jen.Code{jen.Id("ts").Int64(), jen.Id("l").Op("*").Id(j.sides[0].evType()), jen.Id("r").Op("*").Id(j.sides[1].evType())}
	} else if q.pat != nil {
		params = []jen.Code{jen.Id("ts").Int64(), jen.Id("r").Op("*").Id(q.pat.Run)}
	} else if q.leanHeld {
		params = []jen.Code{jen.Id("ts").Int64(), jen.Id("h").Op("*").Id(g.evType()), jen.Id("e").Op("*").Id(q.in.Type)}
	} else {
		params = []jen.Code{jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(g.evType())}
	}
	if expires {
		params = append(params, jen.Id("expired").Bool())
	}
	return params
}

func (g *qgen) genReset() {
	q := g.q
	var body []jen.Code
	if q.grouped {
		inner := []jen.Code{
			jen.If(jen.Op("!").Add(q.f("Groups")).Dot("Live").Call(jen.Id("i"))).Block(jen.Continue()),
			jen.Id("g").Op(":=").Add(q.f("Groups")).Dot("At").Call(jen.Id("i")),
			jen.Id("g").Dot("reset").Call(),
		}
		if q.countHeld {
			if g.held == "held" {
				inner = append(inner, jen.Id("g").Dot("held").Op("=").Lit(0))
			}
			if q.deletable {
				inner = append(inner, g.markPending(jen.Id("i")))
			}
		}
		body = append(body, jen.For(jen.Id("i").Op(":=").Range().Int32().Call(q.f("Groups").Dot("Slots").Call())).Block(inner...))
	} else {
		body = append(body, q.f("Agg").Dot("reset").Call())
	}
	g.method("Reset", nil, q.name("Reset")+" is RESET: it clears the aggregates of every group.", body...)
}

func (g *qgen) genEnd() {
	q, p := g.q, g.q.plan
	body := []jen.Code{}
	if q.join != nil && q.join.self() {
		body = append(body, jen.If(jen.Add(q.f("Open")).Op("--"), q.f("Open").Op(">").Lit(0)).Block(
			jen.Return().Comment("the self-join entry ends the chunk")))
	}
	body = append(body, g.deletePending()...)
	if q.join != nil && q.join.perProbeLimit() {
		g.genProbeEnd()
	} else if len(p.OrderBy) > 0 {
		body = append(body, g.genOrder()...)
	}
	if q.join != nil && q.join.perProbeLimit() {
		// ORDER BY, OFFSET and LIMIT were applied per probe (ProbeEnd).
	} else if p.Offset > 0 || p.Limit >= 0 {
		off, lim := jen.Lit(int(p.Offset)), jen.Lit(int(p.Limit))
		body = append(body, q.f("Out").Dot("Keep").Call(off, lim).Comment("OFFSET, LIMIT"))
		if q.tags {
			body = append(body, q.f("Tags").Op("=").Qual(rtPath, "Keep").Call(q.f("Tags"), off, lim))
		}
		if q.rowKeys {
			body = append(body, q.f("Keys").Op("=").Qual(rtPath, "Keep").Call(q.f("Keys"), off, lim))
		}
		if q.rowSeqs {
			body = append(body, q.f("Seqs").Op("=").Qual(rtPath, "Keep").Call(q.f("Seqs"), off, lim))
		}
	}
	if p.Rate != nil {
		body = append(body, q.f("Limit").Call())
	} else {
		body = append(body, g.deliver(q.f("Out"))...)
	}
	g.method("End", nil, q.name("End")+" ends an emission: the candidates form the output chunk (§6.2 steps 2-4).", body...)
}

// deletePending is the statements deleting the groups listed in
// q<N>Pending that are empty at the end of an emission; nil when groups
// are never deleted.
func (g *qgen) deletePending() []jen.Code {
	q := g.q
	if !q.deletable {
		return nil
	}
	doc := "Delete the groups the window no longer holds events of (bounded memory)."
	var stmt jen.Code = q.f("Groups").Dot("Delete").Call(jen.Id("i"))
	if q.countHeld {
		stmt = jen.If(q.f("Groups").Dot("At").Call(jen.Id("i")).Dot(g.held).Op("==").Lit(0)).Block(stmt)
	} else {
		doc = "Groups only collapse rows within an emission."
	}
	return []jen.Code{
		jen.Comment(doc),
		jen.For(jen.List(jen.Id("_"), jen.Id("i")).Op(":=").Range().Add(q.f("Pending"))).Block(stmt),
		q.f("Pending").Op("=").Add(q.f("Pending")).Index(jen.Empty(), jen.Lit(0)),
	}
}

// oneRow reports whether q<N>One builds its emission's row in q<N>Row and
// hands it to the output's subscribers itself (genSelectOne, genEndOne),
// without q<N>Begin, a candidate slot of the output chunk and q<N>End's
// delivery of the chunk. That is exact when the emission of one input
// event has at most one row, the current event's: a q<N>One (oneFast: no
// WHERE, no rate limiting) over a length or time window, not a batch,
// emitting no expired rows, without HAVING (the row is always kept), ORDER
// BY, OFFSET or LIMIT; and when the output stream has only subscribers: no
// query, partition or table takes a chunk of it.
func (q *query) oneRow() bool {
	p := q.plan
	if !q.oneFast() || q.incremental || q.join != nil || q.pat != nil {
		return false
	}
	if !q.wantCur || q.wantExp || q.tags || q.rowKeys || q.rowSeqs || q.sortKeys {
		return false
	}
	if p.Having != nil || len(p.OrderBy) > 0 || p.Offset > 0 || p.Limit >= 0 {
		return false
	}
	return len(q.out.consumers) == 0 && q.out.table == nil && q.out.part == nil
}

// genSelectOne emits q<N>SelectOne (query.oneRow): q<N>Select for the
// arriving event of q<N>One, building its row in q<N>Row.
func (g *qgen) genSelectOne(kernels []*kernel) {
	q := g.q
	b := g.selBuilder(kernels)
	g.selectGroup(b, false)
	g.selectUpdates(b, kernels, false)
	b.Emit(jen.Id("row").Op(":=").Op("&").Add(q.f("Row")), jen.Op("*").Id("row").Op("=").Id(q.out.Type).Values())
	g.project(b)
	doc := q.name("SelectOne") + " is " + q.name("Select") + " for the event arriving in " + q.name("One") + ":\n" +
		"// its row, the only one of the emission, is built in " + q.name("Row") + "."
	g.method("SelectOne", g.selectParams(false), doc, b.Take()...)
}

// genEndOne emits q<N>EndOne(ts) (query.oneRow): q<N>End for q<N>One,
// handing q<N>Row, at ts, to the subscribers of the output stream.
func (g *qgen) genEndOne() {
	q := g.q
	body := append(g.deletePending(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Add(aField("on"+q.out.Type))).Block(
			jen.Id("fn").Call(jen.Id("ts"), jen.Op("&").Add(q.f("Row"))),
		))
	doc := q.name("EndOne") + " ends the emission of " + q.name("One") + ": its one row goes to the\n" +
		"// subscribers of " + q.out.plan.Name + ", which no query reads (§6.2 steps 2-4)."
	g.method("EndOne", []jen.Code{jen.Id("ts").Int64()}, doc, body...)
}

// deliver emits chunk c (an App field) to the target stream if it is not
// empty. A cyclic query hands the chunk over and starts a fresh one.
func (g *qgen) deliver(c *jen.Statement) []jen.Code {
	q := g.q
	emit := aField("emit" + q.out.Type)
	if q.cyclic {
		return []jen.Code{jen.If(jen.Add(c).Dot("Len").Call().Op(">").Lit(0)).Block(
			jen.Id("out").Op(":=").Add(c),
			jen.Add(c).Op("=").Qual(rtPath, "Chunk").Types(jen.Id(q.out.Type)).Values(),
			emit.Call(jen.Op("&").Id("out")),
		)}
	}
	return []jen.Code{jen.If(jen.Add(c).Dot("Len").Call().Op(">").Lit(0)).Block(emit.Call(jen.Op("&").Add(c)))}
}
