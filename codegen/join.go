package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
)

// A join query (§8) is generated as two sides and one selector. Each
// stream side is a pseudo query (its own window code from gen_window.go,
// fed by the side's stream) whose selector hook is the side's join method
// q<N><Side>Join: for each CURRENT or EXPIRED event of the window's
// emission it updates what the window exposes to the other side (§5.11)
// and, when the side triggers, probes the other side's exposed events,
// calling the join's selector q<N>Select(ts, l, r, expired) per joined
// row. Each probe is one emission (q<N>Emission); the window code's
// begin/end around an incoming chunk or timer firing delimit one output
// chunk. A table side is searched in table order (by primary key when ON
// fixes it); it never triggers.
//
// An indexed side over a length, time, timeLength or externalTime window
// does not copy its events into a ring per key: its buckets chain the
// window's own events by number (rt.KeyChain), and when both sides chain,
// one index q<N>Exposed holds both sides' chains of a key (join.shared).

// exposure is how a side keeps the events it exposes to the other side.
type exposure uint8

const (
	exposeNothing exposure = iota // no window, session: nothing is found
	exposeRing                    // a ring in window order, scanned
	exposeIndex                   // per-key rings in a hash table, or chains (joinSide.chained)
	exposeDelay                   // delay: the window's own ring of unreleased events
	exposeTable                   // a table side: its rows
)

// joinSide is one side of a join query.
type joinSide struct {
	idx       int // 0 left, 1 right
	plan      *plan.JoinSide
	name      string      // "Left" or "Right"
	st        *stream     // the side's stream; nil for a table
	tb        *table      // the side's table; nil for a stream
	q         *query      // the side's pseudo query (window state); nil for a table
	join      *join       // the join it belongs to
	triggers  bool        // its events probe the other side
	preserved bool        // outer join: a probe that finds nothing emits a null-extended row
	expose    exposure    // how the other side finds its events
	keys      []plan.Expr // index key expressions over this side (exposeIndex, and probing an indexed side)
	chained   bool        // exposeIndex over a chainable window: buckets chain the window's own events (rt.KeyChain)
	nullable  bool        // the side can be null-extended: the selector may get its None event
}

// join is a join query's sides and the facts shared by their code.
type join struct {
	q      *query
	in     *plan.JoinInput
	sides  [2]*joinSide
	shared bool // both sides chained, keys of the same types: one index q<N>Exposed holds both sides' chains
}

func (s *joinSide) other() *joinSide { return s.join.sides[1-s.idx] }

// self reports whether both sides read the same stream (§8 self-join).
func (j *join) self() bool { return j.sides[0].st != nil && j.sides[0].st == j.sides[1].st }

// evType is the Go type the selector reads for this side.
func (s *joinSide) evType() string {
	switch {
	case s.tb != nil:
		return s.tb.Type
	case s.q.win != nil:
		return s.q.name("Event")
	}
	return s.st.Type
}

// newJoin builds the join model of query q: the side pseudo queries take
// their method names from members.
func (m *model) newJoin(q *query, in *plan.JoinInput, members *names.Scope) *join {
	j := &join{q: q, in: in}
	x := m.phys.JoinIndexOf(q.plan)
	for i, ps := range []*plan.JoinSide{in.Left, in.Right} {
		s := &joinSide{idx: i, plan: ps, join: j, name: [2]string{"Left", "Right"}[i]}
		j.sides[i] = s
		if ps.Source.Table != nil {
			s.tb = m.byTable[ps.Source.Table]
			s.expose = exposeTable
			continue
		}
		s.st = m.byPlan[ps.Source.Stream]
		sq := &query{
			plan: &plan.Query{Name: q.plan.Name, Pos: q.plan.Pos, Line: q.plan.Line,
				Input: &plan.StreamInput{Source: ps.Source, Window: ps.Window},
				Where: ps.Filter, Events: plan.AllEvents, Limit: -1},
			Method: members.Take(q.Method + s.name),
			in:     s.st, out: q.out, side: s, part: q.part,
		}
		sq.win = ps.Window
		sq.removal = windowRemoval(ps.Window)
		sq.wantCur, sq.wantExp = true, true // batch windows keep and expire their previous batch
		sq.heldAttrs = sideAttrs(q.plan, i, len(s.st.plan.Attrs))
		s.q = sq
		switch {
		case ps.Window == nil || ps.Window.Kind == plan.WinSession:
			s.expose = exposeNothing
		case ps.Window.Kind == plan.WinDelay:
			s.expose = exposeDelay
		case x != nil:
			s.expose = exposeIndex
			s.chained = chainable(ps.Window.Kind)
		default:
			s.expose = exposeRing
		}
		if x != nil {
			s.keys = [2][]plan.Expr{x.Left, x.Right}[i]
		}
	}
	for i, s := range j.sides {
		o := j.sides[1-i]
		s.triggers = s.tb == nil && !o.plan.Unidirectional
		switch in.Kind {
		case plan.LeftJoin:
			s.preserved = i == 0
		case plan.RightJoin:
			s.preserved = i == 1
		case plan.FullJoin:
			s.preserved = true
		}
		s.preserved = s.preserved && s.triggers
	}
	for _, s := range j.sides {
		s.nullable = s.other().preserved
	}
	j.shared = j.sides[0].chained && j.sides[1].chained && sameTypes(j.sides[0].keys, j.sides[1].keys)
	return j
}

// sameTypes reports whether two key expression lists have the same types,
// so that one key struct serves both.
func sameTypes(a, b []plan.Expr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Type() != b[i].Type() {
			return false
		}
	}
	return true
}

// chainable reports whether a window of kind k keeps every event it emits
// as CURRENT in its ring Win, in emission order, until it expires it from
// the front (genLength, genTime, genExternalTime): then the events of a
// join key can be chained through the ring by their numbers (rt.KeyChain)
// instead of being copied into a ring per key.
func chainable(k plan.WindowKind) bool {
	switch k {
	case plan.WinLength, plan.WinExpression, plan.WinTime, plan.WinTimeLength, plan.WinExternalTime:
		return true
	}
	return false
}

func windowRemoval(w *plan.Window) removal {
	if w == nil {
		return removeNever
	}
	switch w.Kind {
	case plan.WinFirstUnique, plan.WinDelay:
		return removeNever
	case plan.WinSort, plan.WinUnique, plan.WinFrequent, plan.WinLossyFrequent, plan.WinSession:
		return removeAny
	}
	return removeFIFO
}

// sideAttrs marks the attributes of side i that the join query reads
// anywhere: they are what the side's window holds.
func sideAttrs(p *plan.Query, i, n int) []bool {
	held := make([]bool, n)
	mark := func(e plan.Expr) {
		walk(e, func(x plan.Expr) {
			if r, ok := x.(*plan.Ref); ok && r.Source == i && !r.TableRow {
				held[r.Attr] = true
			}
		})
	}
	in := p.Input.(*plan.JoinInput)
	mark(in.On)
	mark(p.Where)
	mark(p.Having)
	for _, c := range p.Select {
		mark(c.Expr)
	}
	for _, o := range p.OrderBy {
		mark(o.Expr)
	}
	for _, g := range p.GroupBy {
		mark(g)
	}
	s := [2]*plan.JoinSide{in.Left, in.Right}[i]
	mark(s.Filter)
	if w := s.Window; w != nil {
		keyed := false
		for _, x := range w.Params {
			if _, ok := x.(*plan.Ref); ok {
				keyed = true
			}
			mark(x)
		}
		if !keyed && (w.Kind == plan.WinFrequent || w.Kind == plan.WinLossyFrequent) {
			for a := range held {
				held[a] = true // the key is every attribute
			}
		}
	}
	return held
}

// canExpire reports whether some triggering side emits expired events.
func (j *join) canExpire() bool {
	for _, s := range j.sides {
		if s.triggers && s.q.removal != removeNever {
			return true
		}
	}
	return false
}

// resets reports whether some triggering side emits RESET: a batch window,
// or no window (a RESET after each event, §8).
func (j *join) resets() bool {
	for _, s := range j.sides {
		if s.triggers && (s.q.win == nil || s.q.resets()) {
			return true
		}
	}
	return false
}

// genJoin emits a join query: the selector, the sides' windows and join
// methods, and the self-join entry.
func (g *qgen) genJoin() {
	q := g.q
	j := q.join
	g.field("Out", jen.Qual(rtPath, "Chunk").Types(jen.Id(q.out.Type)), q.Method+"'s output chunk, valid during its delivery")
	if q.collapse && !q.grouped {
		g.field("Base", jen.Int(), "index in the output chunk of the current emission's row")
	}
	g.genSelector()
	if q.plan.Rate != nil {
		g.genRate()
	}
	for _, s := range j.sides {
		if s.nullable {
			g.field(s.name+"None", jen.Id(s.evType()), "the "+s.plan.Source.Alias+" side of a null-extended row: every attribute null")
			g.init(q.f(s.name+"None").Dot("Null").Op("=").Op("^").Qual(rtPath, "NullMask").Call(jen.Lit(0)))
		}
	}
	if j.shared {
		g.genSharedIndex()
	}
	for _, s := range j.sides {
		if s.st == nil {
			continue
		}
		sg := &qgen{m: g.m, q: s.q}
		if s.q.windowed() {
			sg.genHeld()
		}
		g.genExposure(sg, s)
		g.genSideJoin(sg, s)
		sg.genWindow()
		g.fields = append(g.fields, sg.fields...)
		g.decls = append(g.decls, sg.decls...)
	}
	if j.self() {
		l, r := j.sides[0], j.sides[1]
		g.field("One", jen.Qual(rtPath, "Chunk").Types(jen.Id(l.st.Type)), "one event of the incoming chunk")
		g.decl([]string{g.m.queryTitle(q), "It is a self-join: each event is processed as the left side, then as the",
			"right side (§8); the rows of the whole chunk form one output chunk."},
			jen.Func().Add(g.recv()).Id(q.Method).Params(jen.Id("in").Add(chunkOf(l.st.Type))).Block(
				q.f("Begin").Call(),
				jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(
					q.f("One").Dot("Single").Call(jen.Id("in").Dot("TS").Index(jen.Id("i")), jen.Op("&").Id("in").Dot("Ev").Index(jen.Id("i"))),
					aField(l.q.Method).Call(jen.Op("&").Add(q.f("One"))),
					aField(r.q.Method).Call(jen.Op("&").Add(q.f("One"))),
				),
				q.f("End").Call(),
			))
	}
}

// genSharedIndex declares the one index of a join whose sides both chain
// their events (join.shared): a key's slot holds each side's chain, so an
// event finds the other side's events of its key in the slot it exposes
// itself in, with one hash lookup.
func (g *qgen) genSharedIndex() {
	q, j := g.q, g.q.join
	g.keyType(q.name("IndexKey"), j.sides[0].keys, q.name("IndexKey")+" is the join key of "+q.Method+", on either side (never null).")
	l, r := j.sides[0], j.sides[1]
	g.decl([]string{q.name("Chains") + " is a join key's events on each side of " + q.Method + ", chained through " + l.q.name("Win") + " and " + r.q.name("Win") + "."},
		jen.Type().Id(q.name("Chains")).Struct(jen.List(jen.Id(l.name), jen.Id(r.name)).Qual(rtPath, "KeyChain")))
	g.field("Exposed", rtType("Table", jen.Id(q.name("IndexKey")), jen.Id(q.name("Chains"))),
		"the events the windows expose to each other, by join key")
}

// keyType declares the key struct typ of the key expressions keys.
func (g *qgen) keyType(typ string, keys []plan.Expr, doc string) {
	fields := []jen.Code{}
	for i, k := range keys {
		fields = append(fields, jen.Id(keyField(i)).Add(expr.GoType(k.Type())))
	}
	g.decl([]string{doc}, jen.Type().Id(typ).Struct(fields...))
}

// index is the hash table of side s's exposure (exposeIndex), indexName
// its field and keyType its key type.
func (s *joinSide) index() *jen.Statement {
	if s.join.shared {
		return s.join.q.f("Exposed")
	}
	return s.q.f("Exposed")
}

func (s *joinSide) indexName() string {
	if s.join.shared {
		return s.join.q.name("Exposed")
	}
	return s.q.name("Exposed")
}

func (s *joinSide) keyType() string {
	if s.join.shared {
		return s.join.q.name("IndexKey")
	}
	return s.q.name("Key")
}

// chain is side s's chain in c, a pointer to a slot of its index.
func (s *joinSide) chain(c string) *jen.Statement {
	if s.join.shared {
		return jen.Id(c).Dot(s.name)
	}
	return jen.Id(c)
}

// genExposure declares what a windowed stream side exposes and its key.
func (g *qgen) genExposure(sg *qgen, s *joinSide) {
	sq := s.q
	ev := jen.Id(sq.name("Event"))
	switch s.expose {
	case exposeRing:
		sg.field("Exposed", rtType("Ring", ev), "the events the window exposes to the "+s.other().plan.Source.Alias+" side, oldest first")
	case exposeIndex:
		if s.join.shared {
			break
		}
		sg.keyType(sq.name("Key"), s.keys, sq.name("Key")+" is the join key of the "+s.plan.Source.Alias+" side of "+g.q.Method+" (never null).")
		if s.chained {
			sg.field("Exposed", rtType("Table", jen.Id(sq.name("Key")), rtType("KeyChain")),
				"the events the window exposes to the "+s.other().plan.Source.Alias+" side, by join key: chains through "+sq.name("Win"))
		} else {
			sg.field("Exposed", rtType("Table", jen.Id(sq.name("Key")), rtType("Ring", ev)),
				"the events the window exposes to the "+s.other().plan.Source.Alias+" side, by join key, oldest first")
		}
	}
	if s.expose == exposeRing || s.expose == exposeIndex {
		sg.field("Seq", jen.Uint64(), "numbers the events entering the window (their identity on expiry)")
	}
}

func keyField(i int) string { return "K" + string(rune('0'+i)) }

// sideEnv reads references to side s from ev (a pointer to s.evType())
// and to the other side from other.
func (g *qgen) joinEnv(s *joinSide, ev, other *jen.Statement) expr.Env {
	j := g.q.join
	read := [2]*jen.Statement{}
	read[s.idx], read[1-s.idx] = ev, other
	return expr.Env{
		TS: jen.Id("ts"), Now: aField("now"),
		Ref: func(r *plan.Ref) expr.Slot {
			side := j.sides[r.Source]
			f := side.fields()[r.Attr]
			return expr.Slot{Val: jen.Add(read[r.Source]).Dot(f), Null: jen.Add(read[r.Source]).Dot("Null").Dot("Is").Call(jen.Lit(r.Attr))}
		},
		// EVENTTIMESTAMP(alias): the time of that side's event (§13);
		// a windowless side is only ever the probing event.
		EventTime: func(src int) expr.Slot {
			side := j.sides[src]
			switch {
			case side.tb != nil:
				return expr.Slot{AlwaysNull: true}
			case side.q.win != nil:
				return expr.Slot{Val: jen.Add(read[src]).Dot("ts")}
			}
			return expr.Slot{Val: jen.Id("ts")}
		},
	}
}

func (s *joinSide) fields() []string {
	if s.tb != nil {
		return s.tb.Fields
	}
	return s.st.Fields
}

// key emits, into b, the join key of side s's expressions exprs over the
// event the builder reads, into variable k; the returned condition holds
// when no part is null (nil: never null).
func key(b *expr.Builder, typ string, exprs []plan.Expr, k string) *jen.Statement {
	b.Emit(jen.Var().Id(k).Id(typ))
	var ok *jen.Statement
	for i, x := range exprs {
		v := b.Reuse(b.Value(x))
		if v.AlwaysNull {
			return jen.False()
		}
		b.Emit(jen.Id(k).Dot(keyField(i)).Op("=").Add(v.Code()))
		if v.Nullable() {
			if ok == nil {
				ok = jen.Add(v.NotNullCode())
			} else {
				ok = ok.Op("&&").Add(v.NotNullCode())
			}
		}
	}
	return ok
}

// genSideJoin emits q<N><Side>Join, the selector hook of a stream side's
// window: expose the event, then probe the other side.
func (g *qgen) genSideJoin(sg *qgen, s *joinSide) {
	q, sq, o := g.q, s.q, s.other()
	evT := s.evType()
	b := g.m.builder(g.joinEnv(s, jen.Id("h"), jen.Id("x")))
	// What the window exposes.
	if s.exposes() {
		add, remove := g.exposeCode(b, s)
		switch {
		case sq.removal == removeNever && s.expose == exposeIndex:
			// A block of its own: the probe below declares its own key k.
			b.Emit(jen.Block(add...))
		case sq.removal == removeNever:
			b.Emit(add...)
		default:
			b.Emit(jen.If(jen.Id("expired")).Block(remove...).Else().Block(add...))
		}
		if w := sq.win; w.Kind == plan.WinFrequent || w.Kind == plan.WinLossyFrequent {
			g.genExposeMethods(sg, s)
		}
	}
	// The probe.
	if s.triggers {
		probe := b.Block(func() { g.probe(b, s) })
		if !q.needsExpired() && sq.removal != removeNever {
			b.Emit(jen.If(jen.Id("expired")).Block(jen.Return().Comment("expired rows are neither emitted nor aggregated")))
		}
		b.Emit(probe...)
	} else if s.expose == exposeNothing || s.expose == exposeDelay {
		b.Emit(jen.Id("_").Op("=").Id("h"))
	}
	params := []jen.Code{jen.Id("ts").Int64(), jen.Id("h").Op("*").Id(evT), jen.Id("expired").Bool()}
	doc := sq.name("Join") + " handles one event of the " + s.plan.Source.Alias + " side's window emission"
	if s.triggers {
		doc += ": it updates\n// what the side exposes (§5.11), then probes the " + o.plan.Source.Alias + " side (§8)."
	} else {
		doc += ": the side does\n// not trigger, so the event only updates what it exposes (§5.11)."
	}
	body := b.Take()
	if !s.triggers || (sq.removal == removeNever && s.expose != exposeRing && s.expose != exposeIndex) {
		body = append(body, jen.Id("_").Op("=").Id("expired"))
	}
	if !s.triggers {
		body = append(body, jen.Id("_").Op("=").Id("ts"))
	}
	sg.method("Join", params, doc, body...)
}

// exposes reports whether the other side finds this side's events in an
// exposure of its own (a ring or an index).
func (s *joinSide) exposes() bool { return s.expose == exposeRing || s.expose == exposeIndex }

// exposeCode returns the statements adding the held event h to side s's
// exposure (numbering it) and removing it (by its number), over b.
func (g *qgen) exposeCode(b *expr.Builder, s *joinSide) (add, remove []jen.Code) {
	sq := s.q
	exp := sq.f("Exposed")
	switch s.expose {
	case exposeRing:
		add = []jen.Code{jen.Op("*").Add(exp).Dot("Push").Call().Op("=").Op("*").Id("h")}
		remove = []jen.Code{jen.For(jen.Id("i").Op(":=").Range().Add(exp).Dot("Len").Call()).Block(
			jen.If(exp.Clone().Dot("At").Call(jen.Id("i")).Dot("seq").Op("==").Id("h").Dot("seq")).Block(
				exp.Clone().Dot("RemoveAt").Call(jen.Id("i")), jen.Break()))}
	case exposeIndex:
		var ok *jen.Statement
		keyStmts := b.Block(func() { ok = key(b, s.keyType(), s.keys, "k") })
		guard := func(c ...jen.Code) []jen.Code {
			out := append([]jen.Code(nil), keyStmts...)
			if ok == nil {
				return append(out, c...)
			}
			return append(out, jen.If(ok).Block(c...).Comment("an event with a null key is never found"))
		}
		if s.chained {
			add, remove = g.chainCode(s, keyStmts, ok)
			break
		}
		add = guard(
			jen.List(jen.Id("ki"), jen.Id("isNew")).Op(":=").Add(exp).Dot("Lookup").Call(jen.Id("k")),
			jen.Id("h").Dot("slot").Op("=").Id("ki"),
			jen.Id("bucket").Op(":=").Add(exp).Dot("At").Call(jen.Id("ki")),
			jen.If(jen.Id("isNew")).Block(jen.Id("bucket").Dot("Clear").Call()),
			jen.Op("*").Id("bucket").Dot("Push").Call().Op("=").Op("*").Id("h"),
		)
		// The event's bucket is found by the slot it kept, without hashing
		// its key: the bucket's key is not deleted while the event is in
		// it, and an event not exposed (a null key) has a number no bucket
		// holds.
		remove = []jen.Code{
			jen.Comment("By the slot kept on exposure; an event never exposed is in no bucket."),
			jen.If(jen.Id("bucket").Op(":=").Add(exp).Dot("Slot").Call(jen.Id("h").Dot("slot")), jen.Id("bucket").Op("!=").Nil()).Block(
				jen.For(jen.Id("i").Op(":=").Range().Id("bucket").Dot("Len").Call()).Block(
					jen.If(jen.Id("bucket").Dot("At").Call(jen.Id("i")).Dot("seq").Op("==").Id("h").Dot("seq")).Block(
						jen.Id("bucket").Dot("RemoveAt").Call(jen.Id("i")),
						jen.If(jen.Id("bucket").Dot("Len").Call().Op("==").Lit(0)).Block(exp.Clone().Dot("Delete").Call(jen.Id("h").Dot("slot"))),
						jen.Break())),
			)}
	}
	add = append([]jen.Code{sq.f("Seq").Op("++"), jen.Id("h").Dot("seq").Op("=").Add(sq.f("Seq"))}, add...)
	return add, remove
}

// chainCode is exposeCode for a chained index, the key computed by
// keyStmts, not null when ok holds (nil: never null): h, the newest event
// of the window, is appended to its key's chain; an expiring event is the
// oldest of the window, so it heads its key's chain if it was exposed. A
// slot is deleted when its chains are empty. With a shared index, an event
// with a null key gets slot -1: it finds nothing when it probes.
func (g *qgen) chainCode(s *joinSide, keyStmts []jen.Code, ok *jen.Statement) (add, remove []jen.Code) {
	exp, win, own := s.index(), s.q.f("Win"), s.chain("c")
	other := jen.Id("c").Dot(s.other().name) // a shared index's other chain
	reset := jen.Op("*").Id("c").Op("=").Qual(rtPath, "KeyChain").Values()
	if s.join.shared {
		reset = jen.Op("*").Id("c").Op("=").Id(g.q.name("Chains")).Values()
	}
	add = append([]jen.Code(nil), keyStmts...)
	body := []jen.Code{
		jen.List(jen.Id("ki"), jen.Id("isNew")).Op(":=").Add(exp).Dot("Lookup").Call(jen.Id("k")),
		jen.Id("h").Dot("slot").Op("=").Id("ki"),
		jen.Id("c").Op(":=").Add(exp).Dot("At").Call(jen.Id("ki")),
		jen.If(jen.Id("isNew")).Block(reset.Comment("what the slot's previous key left")),
		jen.If(own.Clone().Dot("First").Op("==").Lit(0)).Block(
			own.Clone().Dot("First").Op("=").Id("h").Dot("seq"),
		).Else().Block(
			jen.Comment("The key's newest event so far, in the ring by its number."),
			ringAt(win, own.Clone().Dot("Last")).Dot("next").Op("=").Id("h").Dot("seq"),
		),
		own.Clone().Dot("Last").Op("=").Id("h").Dot("seq"),
	}
	switch {
	case ok == nil:
		add = append(add, body...)
	case s.join.shared:
		add = append(add, jen.If(ok).Block(body...).Else().Block(
			jen.Id("h").Dot("slot").Op("=").Lit(-1).Comment("an event with a null key is never found, and finds nothing")))
	default:
		add = append(add, jen.If(ok).Block(body...).Comment("an event with a null key is never found"))
	}
	leave := jen.If(jen.Id("h").Dot("next").Op("!=").Lit(0)).Block(
		own.Clone().Dot("First").Op("=").Id("h").Dot("next"),
	).Else()
	if s.join.shared {
		leave = leave.If(other.Clone().Dot("First").Op("!=").Lit(0)).Block(
			own.Clone().Op("=").Qual(rtPath, "KeyChain").Values(),
		).Else()
	}
	leave = leave.Block(exp.Clone().Dot("Delete").Call(jen.Id("h").Dot("slot")))
	remove = []jen.Code{
		jen.Comment("By the slot kept on exposure; an event never exposed heads no chain."),
		jen.If(jen.Id("c").Op(":=").Add(exp).Dot("Slot").Call(jen.Id("h").Dot("slot")), jen.Id("c").Op("!=").Nil().Op("&&").Add(own).Dot("First").Op("==").Id("h").Dot("seq")).Block(leave),
	}
	return add, remove
}

// ringAt is the event numbered n (its seq) in a chainable window's ring
// win: the ring holds consecutive numbers from its front's on.
func ringAt(win *jen.Statement, n jen.Code) *jen.Statement {
	return jen.Add(win).Dot("At").Call(jen.Int().Call(jen.Add(n).Op("-").Add(win.Clone()).Dot("Front").Call().Dot("seq")))
}

// genExposeMethods emits q<N><Side>Expose and q<N><Side>Unexpose for a
// frequent or lossyFrequent side: its window replaces a key's stored event
// without expiring it (the old event silently leaves the contents, §5.9),
// and lossyFrequent stores events it does not emit; both change what the
// side exposes (its current contents, §5.11) without a probe.
func (g *qgen) genExposeMethods(sg *qgen, s *joinSide) {
	params := []jen.Code{jen.Id("h").Op("*").Id(s.evType())}
	b := g.m.builder(g.joinEnv(s, jen.Id("h"), jen.Id("x")))
	add, _ := g.exposeCode(b, s)
	sg.method("Expose", params, s.q.name("Expose")+" adds h, stored but not emitted by the window, to what the side exposes.", add...)
	b = g.m.builder(g.joinEnv(s, jen.Id("h"), jen.Id("x")))
	_, remove := g.exposeCode(b, s)
	sg.method("Unexpose", params, s.q.name("Unexpose")+" removes h, replaced in the window without expiring, from what the side exposes.", remove...)
}

// perProbeLimit reports whether the query orders or limits its rows: §6.2
// steps 3-4 apply to each probing event's emission, before the rows of
// the probes of one incoming chunk are concatenated (§8).
func (j *join) perProbeLimit() bool {
	p := j.q.plan
	return len(p.OrderBy) > 0 || p.Offset > 0 || p.Limit >= 0
}

// genProbeEnd emits q<N>ProbeEnd(lo): ORDER BY, OFFSET and LIMIT of the
// emission of one probing event, whose rows start at index lo of the
// output chunk (§6.2 steps 3-4, §8).
func (g *qgen) genProbeEnd() {
	q, p := g.q, g.q.plan
	body := []jen.Code{}
	if len(p.OrderBy) > 0 {
		body = append(body, g.genOrderFrom(jen.Id("lo"))...)
	}
	if p.Offset > 0 || p.Limit >= 0 {
		off, lim := jen.Lit(int(p.Offset)), jen.Lit(int(p.Limit))
		body = append(body, q.f("Out").Dot("KeepFrom").Call(jen.Id("lo"), off, lim).Comment("OFFSET, LIMIT"))
		for _, f := range []struct {
			on   bool
			name string
		}{{q.tags, "Tags"}, {q.rowKeys, "Keys"}, {q.sortKeys, "Sort"}} {
			if f.on {
				body = append(body, q.f(f.name).Op("=").Qual(rtPath, "KeepFrom").Call(q.f(f.name), jen.Id("lo"), off, lim))
			}
		}
	}
	g.method("ProbeEnd", []jen.Code{jen.Id("lo").Int()}, q.name("ProbeEnd")+" ends the emission of one probing event, whose rows start at lo:\n// ORDER BY, OFFSET and LIMIT apply to it alone (§6.2, §8).", body...)
}

// probe emits the probe of side s's event h against the other side.
func (g *qgen) probe(b *expr.Builder, s *joinSide) {
	q, o := g.q, s.other()
	j := q.join
	if q.collapse {
		b.Emit(q.f("Emission").Call())
	}
	if j.perProbeLimit() {
		b.Emit(jen.Id("lo").Op(":=").Add(q.f("Out")).Dot("Len").Call())
		defer b.Emit(q.f("ProbeEnd").Call(jen.Id("lo")))
	}
	lr := func(x jen.Code) []jen.Code {
		if s.idx == 0 {
			return []jen.Code{jen.Id("h"), x}
		}
		return []jen.Code{x, jen.Id("h")}
	}
	sel := func(x jen.Code) jen.Code {
		args := append([]jen.Code{jen.Id("ts")}, lr(x)...)
		if g.canExpire() {
			args = append(args, jen.Id("expired"))
		}
		return q.f("Select").Call(args...)
	}
	if s.preserved {
		b.Emit(jen.Id("matched").Op(":=").False())
	}
	onMatch := func() []jen.Code {
		c := []jen.Code{}
		if s.preserved {
			c = append(c, jen.Id("matched").Op("=").True())
		}
		return append(c, sel(jen.Id("x")))
	}
	on := j.in.On
	check := func(body []jen.Code) {
		if on == nil {
			b.Emit(body...)
			return
		}
		ok := b.True(on)
		b.Emit(jen.If(ok).Block(body...))
	}
	switch o.expose {
	case exposeNothing:
		b.Emit(jen.Comment("The " + o.plan.Source.Alias + " side exposes nothing (§5.11)."))
	case exposeRing, exposeDelay:
		r := o.q.f("Exposed")
		if o.expose == exposeDelay {
			r = o.q.f("Win")
		}
		inner := b.Block(func() {
			b.Emit(jen.Id("x").Op(":=").Add(r).Dot("At").Call(jen.Id("i")))
			check(onMatch())
		})
		b.Emit(jen.For(jen.Id("i").Op(":=").Range().Add(r.Clone()).Dot("Len").Call()).Block(inner...))
	case exposeIndex:
		exp := o.index()
		// x walks the key's events, oldest first: the bucket ring in slot
		// ki, or the chain in slot c through the window's ring by number.
		next := []jen.Code{jen.Id("x").Op(":=").Id("bucket").Dot("At").Call(jen.Id("i"))}
		walk := func(body []jen.Code) []jen.Code {
			return []jen.Code{
				jen.Id("bucket").Op(":=").Add(exp).Dot("At").Call(jen.Id("ki")),
				jen.For(jen.Id("i").Op(":=").Range().Id("bucket").Dot("Len").Call()).Block(body...),
			}
		}
		if o.chained {
			win := o.q.f("Win")
			next = []jen.Code{
				jen.Id("x").Op(":=").Add(win).Dot("At").Call(jen.Int().Call(jen.Id("n").Op("-").Id("base"))),
				jen.Id("n").Op("=").Id("x").Dot("next"),
			}
			walk = func(body []jen.Code) []jen.Code {
				return []jen.Code{
					jen.Comment("The key's events, oldest first, chained through the ring by number."),
					jen.Id("base").Op(":=").Add(win.Clone()).Dot("Front").Call().Dot("seq"),
					jen.For(jen.Id("n").Op(":=").Add(o.chain("c")).Dot("First"), jen.Id("n").Op("!=").Lit(0), jen.Empty()).Block(body...),
				}
			}
		}
		look := func() []jen.Code {
			return b.Block(func() {
				b.Emit(next...)
				check(onMatch())
			})
		}
		if j.shared {
			// h's own slot holds the other side's chain of its key, maybe
			// empty; an expired h may have emptied and deleted it.
			found := jen.Id("c").Op("!=").Nil().Op("&&").Add(o.chain("c")).Dot("First").Op("!=").Lit(0)
			b.Emit(jen.If(jen.Id("c").Op(":=").Add(exp.Clone()).Dot("Slot").Call(jen.Id("h").Dot("slot")), found).Block(walk(look())...).
				Comment("a null key (slot -1) finds nothing"))
			break
		}
		inner := b.Block(func() {
			ok := key(b, o.keyType(), s.keys, "k")
			var found []jen.Code
			if o.chained {
				found = append(found, jen.Id("c").Op(":=").Add(exp.Clone()).Dot("At").Call(jen.Id("ki")))
			}
			found = append(found, walk(look())...)
			lookup := jen.If(jen.List(jen.Id("ki"), jen.Id("found")).Op(":=").Add(exp.Clone()).Dot("Find").Call(jen.Id("k")), jen.Id("found")).Block(found...)
			if ok != nil {
				b.Emit(jen.If(ok).Block(lookup).Comment("a null key finds nothing"))
			} else {
				b.Emit(lookup)
			}
		})
		b.Emit(inner...)
	case exposeTable:
		g.m.eachRow(b, o.tb, on, func(r *plan.Ref) bool { return r.Source == o.idx }, rowLoop{ri: "ri", r: "x"}, func() []jen.Code {
			return onMatch()
		})
	}
	if s.preserved {
		b.Emit(jen.If(jen.Op("!").Id("matched")).Block(sel(jen.Op("&").Add(q.f(o.name + "None")))))
	}
}

// genEmission emits q<N>Emission, the start of one probe's emission.
func (g *qgen) genEmission() {
	q := g.q
	body := []jen.Code{}
	if q.grouped {
		body = append(body, q.f("Epoch").Op("++"))
	} else {
		body = append(body, q.f("Base").Op("=").Add(q.f("Out")).Dot("Len").Call())
	}
	g.method("Emission", nil, q.name("Emission")+" starts the emission of one probing event (§8): its rows collapse\n// among themselves (§6.2).", body...)
}

// joinSelectEnv makes the selector read the left side from l and the
// right side from r; EVENTTIMESTAMP(alias) is null for a null-extended
// side and for a table row.
func (g *qgen) joinSelectEnv(env *expr.Env) {
	j := g.q.join
	read := [2]*jen.Statement{jen.Id("l"), jen.Id("r")}
	env.Ref = func(r *plan.Ref) expr.Slot {
		f := j.sides[r.Source].fields()[r.Attr]
		return expr.Slot{Val: jen.Add(read[r.Source]).Dot(f), Null: jen.Add(read[r.Source]).Dot("Null").Dot("Is").Call(jen.Lit(r.Attr))}
	}
	env.EventTime = func(src int) expr.Slot {
		s := j.sides[src]
		if s.tb != nil {
			return expr.Slot{AlwaysNull: true}
		}
		val := jen.Id("ts") // a windowless side is only ever the probing event
		if s.q.win != nil {
			val = jen.Add(read[src]).Dot("ts")
		}
		sl := expr.Slot{Val: val}
		if s.nullable {
			sl.Null = jen.Parens(jen.Add(read[src]).Op("==").Op("&").Add(g.q.f(s.name + "None")))
		}
		return sl
	}
}
