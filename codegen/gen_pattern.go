package codegen

import (
	"github.com/dave/jennifer/jen"
	"regexp"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// genPattern emits a pattern or sequence query as an explicit automaton
// (§10): the slot and run types, the machine holding the runs and the
// state lists, and one method per state and stream that tests the runs
// waiting there. Nothing interprets the pattern at run time: each state's
// behaviour is straight-line code in its methods and in the cases of
// Stage, Pass, Leave and Timer.
func (g *qgen) genPattern() {
	m, q := g.m, g.q
	p := q.pat
	p.deferred = q.cyclic || p.filtersReadTables()
	f := sink{g}
	g.field("", jen.Id(p.Machine), q.Method+"'s automaton")
	var out jen.Code
	if !q.selects() {
		out = g.outChunk()
	}
	g.init(jen.Id("a").Dot(p.Start).Call())
	mode := "PATTERN"
	if p.seq {
		mode = "SEQUENCE"
	}
	f.Comment(m.queryTitle(q))
	f.Commentf("It is a %s automaton with %d states and inserts into %s.", mode, len(p.states), q.out.plan.Name)
	for _, s := range p.states {
		f.Commentf("  s%d: %s", s.i+1, stateDoc(s, p.in))
	}
	f.Line()
	p.genSlots(f)
	p.genRun(f)
	p.genMachine(f)
	p.genStart(f)
	for _, st := range q.ins {
		p.genEntry(f, st)
	}
	p.genStep(f)
	for i := len(p.states) - 1; i >= 0; i-- {
		for _, o := range p.states[i].offers {
			p.genOffer(f, p.states[i], o)
		}
	}
	p.genStage(f)
	p.genPass(f)
	p.genLeave(f)
	p.genCopy(f)
	g.genMatch(f, out)
	if p.deferred {
		p.genDrain(f)
	}
	if q.selects() {
		g.field("Out", jen.Qual(rtPath, "Chunk").Types(jen.Id(q.out.Type)), q.Method+"'s output chunk, valid during its delivery")
		g.genSelector()
		if q.plan.Rate != nil {
			g.genRate()
		}
	}
	if p.timer != nil {
		p.genTimer(f)
	}
	if p.in.Within > 0 {
		p.genExpire(f)
	}
}

func stateDoc(s *pstate, in *plan.PatternInput) string {
	doc := plan.StateString(s.plan, in)
	if s.index != nil {
		doc += " [index on " + plan.ExprString(s.index.RunKey) + "]"
	}
	return doc
}

// Shorthands for the code that every automaton method repeats.
func links() *jen.Statement { return jen.Op("&").Id("m").Dot("runs").Dot("Links") }
func lnk() *jen.Statement   { return jen.Id("m").Dot("runs").Dot("Links") }
func runAt(id jen.Code) *jen.Statement {
	return jen.Op("&").Id("m").Dot("runs").Dot("Items").Index(id)
}
func item(id jen.Code) *jen.Statement { return jen.Id("m").Dot("runs").Dot("Items").Index(id) }

// usesRun reports whether code reads the local variable r.
func usesRun(code []jen.Code) bool { return usesVar("r", code) }

// usesVar reports whether code mentions the local variable name.
func usesVar(name string, code []jen.Code) bool {
	return regexp.MustCompile(`\b` + name + `\b`).MatchString(jen.Block(code...).GoString())
}

func idv() *jen.Statement               { return jen.Id("id") }
func wait(i int) *jen.Statement         { return jen.Id("m").Dot("wait").Index(jen.Lit(i)) }
func staged(i int) *jen.Statement       { return jen.Id("m").Dot("staged").Index(jen.Lit(i)) }
func (p *pattern) self() *jen.Statement { return jen.Id("a").Dot(p.Field) }
func (p *pattern) getM() jen.Code       { return jen.Id("m").Op(":=").Op("&").Add(p.self()) }
func (p *pattern) call(name string, args ...jen.Code) *jen.Statement {
	return jen.Id("a").Dot(name).Call(args...)
}
func indexField(s *pstate) string  { return "index" + itoa(s.i+1) }
func keyMethod(s *pstate) string   { return "key" + itoa(s.i+1) }
func coverMethod(s *pstate) string { return "cover" + itoa(s.i+1) }

// indexType is the rt.Index of state s: its key and cover types.
func indexType(s *pstate) jen.Code {
	cover := jen.Struct()
	if s.Cover != "" {
		cover = jen.Id(s.Cover)
	}
	return jen.Types(expr.GoType(s.index.RunKey.Type()), cover)
}

// coverOf is the cover of run id for the index of state s.
func (p *pattern) coverOf(s *pstate, id jen.Code) jen.Code {
	if s.Cover == "" {
		return jen.Struct().Values()
	}
	return item(id).Dot(coverMethod(s)).Call()
}

// genSlots emits, per slot, the struct of one captured event and, for a
// counted element, the bounded list of its events.
func (p *pattern) genSlots(f sink) {
	for _, s := range p.slots {
		if s == nil {
			continue
		}
		alias := p.in.Sources[s.src].Alias
		what := "the event captured as " + alias
		if alias == "" {
			what = "an event captured by a repeated alias"
		}
		fields := []jen.Code{}
		for _, a := range s.attrs {
			fields = append(fields, jen.Id(s.st.Fields[a]).Add(expr.GoType(s.st.plan.Attrs[a].Type)))
		}
		if s.ts {
			fields = append(fields, jen.Id("ts").Int64().Comment("its timestamp"))
		}
		fields = append(fields, jen.Id("Null").Qual(rtPath, "NullMask").Comment("bit i: attribute i is null; all bits: no event"))
		f.Commentf("%s holds what %s reads of %s (stream %s).", s.Type, p.q.Method, what, s.st.plan.Name)
		f.Type().Id(s.Type).Struct(fields...)
		f.Line()
		set := []jen.Code{}
		for _, a := range s.attrs {
			set = append(set, jen.Id("s").Dot(s.st.Fields[a]).Op("=").Id("e").Dot(s.st.Fields[a]))
		}
		if s.ts {
			set = append(set, jen.Id("s").Dot("ts").Op("=").Id("ts"))
		}
		set = append(set, jen.Id("s").Dot("Null").Op("=").Id("e").Dot("Null"))
		f.Func().Params(jen.Id("s").Op("*").Id(s.Type)).Id("set").Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(s.st.Type)).Block(set...)
		f.Line()
		if !s.counted {
			continue
		}
		back := s.back
		if s.ts && back == 0 {
			back = 1
		}
		lf := []jen.Code{jen.Id("n").Int32().Comment("events collected")}
		if s.prefix > 0 {
			lf = append(lf, jen.Id("first").Index(jen.Lit(s.prefix)).Id(s.Type).Comment("the first events, for e[i]"))
		}
		if back > 0 {
			lf = append(lf, jen.Id("last").Index(jen.Lit(back)).Id(s.Type).Comment("the latest events (ring), for e[last - k]"))
		}
		f.Commentf("%s holds the events collected by counted alias %s: only those the query", s.List, alias)
		f.Comment("can read, so its size is bounded whatever the count.")
		f.Type().Id(s.List).Struct(lf...)
		f.Line()
		f.Commentf("%s is read for an index past the collected events: all null.", s.None)
		f.Var().Id(s.None).Op("=").Id(s.Type).Values(jen.Dict{jen.Id("Null"): jen.Op("^").Qual(rtPath, "NullMask").Call(jen.Lit(0))})
		f.Line()
		push := []jen.Code{}
		if s.prefix > 0 {
			push = append(push, jen.If(jen.Id("l").Dot("n").Op("<").Lit(s.prefix)).Block(
				jen.Id("l").Dot("first").Index(jen.Id("l").Dot("n")).Dot("set").Call(jen.Id("ts"), jen.Id("e"))))
		}
		if back > 0 {
			push = append(push, jen.Id("l").Dot("last").Index(jen.Id("l").Dot("n").Op("%").Lit(back)).Dot("set").Call(jen.Id("ts"), jen.Id("e")))
		}
		push = append(push, jen.Id("l").Dot("n").Op("++"))
		lrecv := jen.Params(jen.Id("l").Op("*").Id(s.List))
		f.Func().Add(lrecv).Id("push").Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(s.st.Type)).Block(push...)
		f.Line()
		if s.prefix > 0 {
			f.Commentf("at is e[i], %s if there is none.", s.None)
			f.Func().Params(jen.Id("l").Op("*").Id(s.List)).Id("at").Params(jen.Id("i").Int32()).Op("*").Id(s.Type).Block(
				jen.If(jen.Id("i").Op("<").Id("l").Dot("n")).Block(jen.Return(jen.Op("&").Id("l").Dot("first").Index(jen.Id("i")))),
				jen.Return(jen.Op("&").Id(s.None)),
			)
			f.Line()
		}
		if back > 0 {
			f.Commentf("back is e[last - k], %s if there is none.", s.None)
			f.Func().Params(jen.Id("l").Op("*").Id(s.List)).Id("back").Params(jen.Id("k").Int32()).Op("*").Id(s.Type).Block(
				jen.If(jen.Id("k").Op("<").Id("l").Dot("n")).Block(jen.Return(
					jen.Op("&").Id("l").Dot("last").Index(jen.Parens(jen.Id("l").Dot("n").Op("-").Lit(1).Op("-").Id("k")).Op("%").Lit(back)))),
				jen.Return(jen.Op("&").Id(s.None)),
			)
			f.Line()
		}
	}
}

// genRun emits the run struct and its reset method.
func (p *pattern) genRun(f sink) {
	fields := []jen.Code{}
	for _, s := range p.slots {
		if s == nil {
			continue
		}
		t := s.Type
		if s.counted {
			t = s.List
		}
		fields = append(fields, jen.Id(s.Field).Id(t))
	}
	for _, s := range p.states {
		switch {
		case s.logical():
			fields = append(fields, jen.Id(s.flags).Uint8().Commentf("s%d: operands captured (1 left, 2 right), 4 timer fired, 8 cancelled", s.i+1))
		case s.absentFirst():
			fields = append(fields, jen.Id("quiet").Int64().Comment("s1: start of the current quiet period"))
		}
	}
	if p.in.Within > 0 {
		fields = append(fields,
			jen.Id("start").Int64().Comment("WITHIN: time of the first state's event"),
			jen.Id("hasStart").Bool(),
		)
	}
	fields = append(fields, jen.Id("progress").Int8().Comment("the last state that captured an event for the run (-1: none)"))
	f.Commentf("%s is a run (partial match) of %s: the events captured so far.", p.Run, p.q.Method)
	f.Type().Id(p.Run).Struct(fields...)
	f.Line()

	body := []jen.Code{}
	for _, s := range p.states {
		var clear []jen.Code
		for _, o := range s.ops() {
			if o.Source < 0 || p.slots[o.Source] == nil {
				continue
			}
			sl := p.slots[o.Source]
			if sl.counted {
				clear = append(clear, jen.Id("r").Dot(sl.Field).Dot("n").Op("=").Lit(0))
			} else {
				clear = append(clear, jen.Id("r").Dot(sl.Field).Dot("Null").Op("=").Op("^").Qual(rtPath, "NullMask").Call(jen.Lit(0)))
			}
		}
		switch {
		case s.logical():
			clear = append(clear, jen.Id("r").Dot(s.flags).Op("=").Lit(0))
		}
		if s.i == 0 && p.in.Within > 0 {
			clear = append(clear, jen.Id("r").Dot("hasStart").Op("=").False())
		}
		if len(clear) > 0 {
			body = append(body, jen.If(jen.Id("from").Op("<=").Lit(s.i)).Block(clear...))
		}
	}
	body = append(body, jen.Id("r").Dot("progress").Op("=").Int8().Call(jen.Id("from").Op("-").Lit(1)))
	f.Comment("reset clears what the run captured at state s(from+1) and later.")
	f.Func().Params(jen.Id("r").Op("*").Id(p.Run)).Id("reset").Params(jen.Id("from").Int()).Block(body...)
	f.Line()

	for _, s := range p.states {
		if s.index == nil {
			continue
		}
		b := p.m.builder(expr.Env{TS: jen.Lit(0), Now: jen.Lit(0),
			Ref:       func(r *plan.Ref) expr.Slot { return p.refSlot("r", r) },
			EventTime: func(src int) expr.Slot { return p.timeSlot("r", src) }})
		v := b.Value(s.index.RunKey)
		kt := expr.GoType(s.index.RunKey.Type())
		b.Emit(jen.Return(keyResult(v)...))
		f.Commentf("%s is the run's key in the index of s%d: %s (false: null).", keyMethod(s), s.i+1, plan.ExprString(s.index.RunKey))
		f.Func().Params(jen.Id("r").Op("*").Id(p.Run)).Id(keyMethod(s)).Params().Params(kt, jen.Bool()).Block(b.Take()...)
		f.Line()
		if s.Cover != "" {
			p.genCover(f, s)
		}
	}
}

// genCover emits the type of the cover of state s's index entries, with
// the fields of the run's slots that the state's filter reads, and the
// run's method filling it.
func (p *pattern) genCover(f sink, s *pstate) {
	var fields, fill []jen.Code
	for _, c := range s.cover {
		var sf []jen.Code
		for _, a := range c.attrs {
			name := c.st.Fields[a]
			sf = append(sf, jen.Id(name).Add(expr.GoType(c.st.plan.Attrs[a].Type)))
			fill = append(fill, jen.Id("c").Dot(c.Field).Dot(name).Op("=").Id("r").Dot(c.Field).Dot(name))
		}
		if c.ts {
			sf = append(sf, jen.Id("ts").Int64())
			fill = append(fill, jen.Id("c").Dot(c.Field).Dot("ts").Op("=").Id("r").Dot(c.Field).Dot("ts"))
		}
		sf = append(sf, jen.Id("Null").Qual(rtPath, "NullMask"))
		fill = append(fill, jen.Id("c").Dot(c.Field).Dot("Null").Op("=").Id("r").Dot(c.Field).Dot("Null"))
		fields = append(fields, jen.Id(c.Field).Struct(sf...))
	}
	f.Commentf("%s is what the filter of s%d reads of a run, kept in the run's index entry:", s.Cover, s.i+1)
	f.Comment("captured events of earlier aliases, which do not change while the run waits.")
	f.Type().Id(s.Cover).Struct(fields...)
	f.Line()
	f.Commentf("%s returns the run's %s.", coverMethod(s), s.Cover)
	f.Func().Params(jen.Id("r").Op("*").Id(p.Run)).Id(coverMethod(s)).Params().Params(jen.Id("c").Id(s.Cover)).Block(
		append(fill, jen.Return(jen.Id("c")))...)
	f.Line()
}

// keyResult is (value, ok) for an index key: ok is false for null, and
// for a float NaN, which equals nothing (it would be lost in a map).
func keyResult(v expr.Value) []jen.Code {
	if v.AlwaysNull {
		return []jen.Code{v.Code(), jen.False()}
	}
	ok := jen.True()
	if nc := v.NullCode(); nc != nil {
		ok = jen.Op("!").Add(nc)
	}
	if v.T == types.Float || v.T == types.Double {
		nan := jen.Add(v.Code()).Op("==").Add(v.Code())
		if v.NullCode() != nil {
			ok = jen.Add(ok).Op("&&").Add(nan)
		} else {
			ok = nan
		}
	}
	return []jen.Code{v.Code(), ok}
}

// genMachine emits the struct holding the runs and the state lists.
func (p *pattern) genMachine(f sink) {
	k := len(p.states)
	fields := []jen.Code{
		jen.Id("runs").Qual(rtPath, "Runs").Types(jen.Id(p.Run)).Comment("every live run, pooled"),
		jen.Id("wait").Index(jen.Lit(k)).Qual(rtPath, "List").Comment("runs waiting at each state, in order"),
		jen.Id("staged").Index(jen.Lit(k)).Qual(rtPath, "List").Comment("runs staged at each state during the current event"),
	}
	for _, s := range p.states {
		if s.index != nil {
			fields = append(fields, jen.Id(indexField(s)).Qual(rtPath, "Index").Add(indexType(s)).
				Commentf("runs waiting at s%d by %s (instead of wait[%d])", s.i+1, plan.ExprString(s.index.RunKey), s.i))
		}
	}
	if p.deferred {
		fields = append(fields, jen.Id("done").Index().Id(p.Done).Comment("matches completed by the events being processed, to deliver"))
	}
	if p.within != nil {
		fields = append(fields, jen.Id("within").Qual(rtPath, "Chain").Comment("WITHIN expiries in due order, the earliest in a.timers"))
	}
	if p.rearm {
		fields = append(fields,
			jen.Id("pending").Index(jen.Lit(k)).Int32().Comment("WITHIN re-arm copy per state, added at the next event"),
			jen.Id("pendingSeq").Index(jen.Lit(k)).Uint64().Comment("list position of the run it copies"),
		)
	}
	f.Commentf("%s is the state of %s's automaton.", p.Machine, p.q.Method)
	f.Type().Id(p.Machine).Struct(fields...)
	f.Line()
}

// genStart emits the method New calls: lists, indexes, the initial run.
func (p *pattern) genStart(f sink) {
	k := len(p.states)
	body := []jen.Code{
		p.getM(),
		jen.Id("m").Dot("runs").Dot("Init").Call(jen.Lit(k)),
		jen.For(jen.Id("i").Op(":=").Range().Id("m").Dot("wait")).Block(
			jen.Id("m").Dot("wait").Index(jen.Id("i")).Op("=").Qual(rtPath, "NewList").Call(jen.Id("i"), jen.Lit(4).Op("*").Id("i").Op("+").Lit(1)),
			jen.Id("m").Dot("staged").Index(jen.Id("i")).Op("=").Qual(rtPath, "NewList").Call(jen.Id("i"), jen.Lit(4).Op("*").Id("i").Op("+").Lit(2)),
		),
	}
	for _, s := range p.states {
		if s.index != nil {
			body = append(body, jen.Id("m").Dot(indexField(s)).Op("=").Qual(rtPath, "NewIndex").Add(indexType(s)).
				Call(jen.Lit(s.i), jen.Lit(indexTag(s.i))))
		}
	}
	body = append(body,
		jen.Id("id").Op(":=").Id("m").Dot("runs").Dot("Alloc").Call(),
		jen.Id("m").Dot("runs").Dot("Items").Index(idv()).Dot("reset").Call(jen.Lit(0)),
		p.call(p.Stage, jen.Lit(0), idv()),
	)
	if p.deferred {
		body = append(body, p.call(p.Drain, jen.Lit(0)))
	}
	f.Commentf("%s prepares %s's automaton and stages the initial run at s1.", p.Start, p.q.Method)
	f.Func().Add(p.q.recv()).Id(p.Start).Params().Block(body...)
	f.Line()
}

// genEntry emits the consumer of one input stream and its method for one
// event.
func (p *pattern) genEntry(f sink, st *stream) {
	body := []jen.Code{}
	if p.deferred {
		body = append(body, jen.Id("base").Op(":=").Len(p.self().Dot("done")))
	}
	body = append(body, p.call(p.Step))
	for i := len(p.states) - 1; i >= 0; i-- {
		for _, o := range p.states[i].offers {
			if o.st == st {
				body = append(body, p.call(o.Method, jen.Id("ts"), jen.Id("e")))
			}
		}
	}
	if p.deferred {
		body = append(body, p.call(p.Drain, jen.Id("base")))
	}
	f.Commentf("%s offers an event of %s to the states of %s that read it, last", p.one[st], st.plan.Name, p.q.Method)
	f.Comment("to first (§10.3).")
	f.Func().Add(p.q.recv()).Id(p.one[st]).Add(event(st.Type)).Block(body...)
	f.Line()
	f.Commentf("%s offers each event of a chunk of %s to %s (%s).", p.q.entry[st], st.plan.Name, p.q.Method, p.one[st])
	f.Func().Add(p.q.recv()).Id(p.q.entry[st]).Params(jen.Id("in").Add(chunkOf(st.Type))).Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(
			p.call(p.one[st], jen.Id("in").Dot("TS").Index(jen.Id("i")), jen.Op("&").Id("in").Dot("Ev").Index(jen.Id("i")))))
	f.Line()
}

// pushWait appends run id to the waiting runs of state s (its index, if any).
func (p *pattern) pushWait(s *pstate, id jen.Code) []jen.Code {
	if s.index == nil {
		return []jen.Code{wait(s.i).Dot("Push").Call(links(), id)}
	}
	return []jen.Code{
		jen.If(jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").Add(item(id)).Dot(keyMethod(s)).Call(), jen.Id("ok")).Block(
			jen.Id("m").Dot(indexField(s)).Dot("Push").Call(links(), jen.Id("k"), id, p.coverOf(s, id)),
		).Else().Block(
			jen.Id("m").Dot(indexField(s)).Dot("Nulls").Dot("Push").Call(links(), id),
		),
	}
}

// withinTimer schedules the WITHIN expiry of run id (start is set): in the
// machine's chain when it has one and the due time fits.
func (p *pattern) withinTimer(id jen.Code) jen.Code {
	due := item(id).Dot("start").Op("+").Lit(p.in.Within + 1)
	arg := lnk().Dot("TimerArg").Call(id, jen.Lit(-1))
	if p.within != nil {
		return jen.Id("m").Dot("within").Dot("ScheduleOr").Call(jen.Op("&").Add(aField("timers")), due, jen.Id(p.within.Const), jen.Id(p.timer.Const), arg)
	}
	return p.timer.schedule(due, arg)
}

// deadline schedules the absent deadline of run id at state.
func (p *pattern) deadline(state int, due jen.Code) jen.Code {
	return p.timer.schedule(due, lnk().Dot("TimerArg").Call(idv(), jen.Lit(state)))
}

// genStep emits what happens at every participating event before it is
// offered: WITHIN re-arm copies, SEQUENCE discards, promotion (§10.3-4).
func (p *pattern) genStep(f sink) {
	body := []jen.Code{p.getM()}
	if p.rearm {
		for _, s := range p.states {
			if s.every < 0 {
				continue
			}
			to := p.states[s.every]
			add := append([]jen.Code{jen.Id("m").Dot("pending").Index(jen.Lit(s.i)).Op("=").Lit(0)}, p.pushWait(to, idv())...)
			if to.i > 0 {
				add = append(add, jen.If(item(idv()).Dot("hasStart")).Block(p.withinTimer(idv())))
			}
			body = append(body, jen.If(jen.Id("id").Op(":=").Id("m").Dot("pending").Index(jen.Lit(s.i)), jen.Id("id").Op("!=").Lit(0)).Block(add...))
		}
	}
	if p.seq {
		body = append(body, jen.Comment("SEQUENCE: a run still waiting since the previous event is discarded."))
		for _, s := range p.states {
			if s.standAloneAbsent() {
				continue
			}
			body = append(body, jen.For(jen.Id("id").Op(":=").Add(wait(s.i)).Dot("First").Call(), jen.Id("id").Op("!=").Lit(0), jen.Id("id").Op("=").Add(wait(s.i)).Dot("First").Call()).Block(
				wait(s.i).Dot("Remove").Call(links(), idv()),
			))
		}
		if p.states[0].plan.EveryStart {
			body = append(body, jen.If(wait(0).Dot("Len").Call().Op("+").Add(staged(0)).Dot("Len").Call().Op("==").Lit(0)).Block(
				jen.Id("id").Op(":=").Id("m").Dot("runs").Dot("Alloc").Call(),
				jen.Id("m").Dot("runs").Dot("Items").Index(idv()).Dot("reset").Call(jen.Lit(0)),
				p.call(p.Stage, jen.Lit(0), idv()),
			))
		}
	}
	body = append(body, jen.Comment("Promotion: staged runs join the waiting lists, by timestamp."))
	for _, s := range p.states {
		var move []jen.Code
		move = append(move, staged(s.i).Dot("SortByTS").Call(links()))
		if s.index == nil {
			move = append(move, wait(s.i).Dot("Splice").Call(links(), jen.Op("&").Add(staged(s.i))))
		} else {
			move = append(move, jen.For(jen.Id("id").Op(":=").Add(staged(s.i)).Dot("First").Call(), jen.Id("id").Op("!=").Lit(0), jen.Id("id").Op("=").Add(staged(s.i)).Dot("First").Call()).Block(
				jen.If(jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").Add(item(idv())).Dot(keyMethod(s)).Call(), jen.Id("ok")).Block(
					jen.Id("m").Dot(indexField(s)).Dot("Adopt").Call(links(), jen.Op("&").Add(staged(s.i)), jen.Id("k"), idv(), p.coverOf(s, idv())),
				).Else().Block(
					staged(s.i).Dot("MoveTo").Call(links(), jen.Op("&").Id("m").Dot(indexField(s)).Dot("Nulls"), idv()),
				),
			))
		}
		body = append(body, jen.If(staged(s.i).Dot("Len").Call().Op(">").Lit(0)).Block(move...))
	}
	f.Commentf("%s prepares %s's runs for a participating event.", p.Step, p.q.Method)
	f.Func().Add(p.q.recv()).Id(p.Step).Params().Block(body...)
	f.Line()
}

// genOffer emits the loop over the runs waiting at a state (or the bucket
// of the event's key) and the method that tests one run.
func (p *pattern) genOffer(f sink, s *pstate, o *offer) {
	body := []jen.Code{p.getM()}
	if s.index != nil {
		// One builder for the key and the filter: their temporaries differ.
		eb := p.m.builder(p.filterEnvOn(s.plan.Left, o.st, jen.Id("a").Dot("now"), "c"))
		v := eb.Value(s.index.EventKey)
		res := keyResult(v)
		body = append(body, eb.Take()...)
		loop := []jen.Code{
			jen.Id("id").Op(":=").Id("runs").Index(jen.Id("i")).Dot("ID"),
			jen.If(jen.Id("id").Op("==").Lit(0)).Block(jen.Continue()),
		}
		if s.covered {
			// The filter reads the entry's cover; a run is read only when it passes.
			reject, always := p.exprReject(eb, s.bucketFilter)
			if always {
				f.Commentf("%s: the filter of s%d is never true.", o.Method, s.i+1)
				f.Func().Add(p.q.recv()).Id(o.Method).Add(event(o.st.Type)).Block()
				f.Line()
				return
			}
			test := eb.Take()
			if reject != nil {
				test = append(test, jen.If(reject).Block(jen.Continue()))
			}
			if s.Cover != "" && usesVar("c", test) {
				loop = append(loop, jen.Id("c").Op(":=").Op("&").Id("runs").Index(jen.Id("i")).Dot("Cover"))
			}
			loop = append(loop, test...)
		}
		loop = append(loop, p.call(o.Run, jen.Id("ts"), jen.Id("e"), idv()))
		body = append(body,
			jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").List(res...),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
			jen.Id("b").Op(":=").Id("m").Dot(indexField(s)).Dot("Get").Call(jen.Id("k")),
			jen.If(jen.Id("b").Op("==").Nil()).Block(jen.Return()),
			jen.Comment("Runs staged meanwhile join the index at the next event; a run that"),
			jen.Comment("leaves meanwhile is cleared from its entry (id 0)."),
			jen.Id("runs").Op(":=").Id("b").Dot("Runs").Call(),
			jen.For(jen.Id("i").Op(":=").Range().Id("runs")).Block(loop...),
			jen.Id("m").Dot(indexField(s)).Dot("Compact").Call(links(), jen.Id("b")),
		)
	} else {
		body = append(body,
			jen.Id("l").Op(":=").Op("&").Add(wait(s.i)),
			jen.Comment("Runs staged meanwhile are not visited: the loop stops at the current last."),
			jen.List(jen.Id("id"), jen.Id("last")).Op(":=").List(jen.Id("l").Dot("First").Call(), jen.Id("l").Dot("Last").Call()),
			jen.For(jen.Id("id").Op("!=").Lit(0)).Block(
				jen.Id("next").Op(":=").Id("l").Dot("Next").Call(links(), idv()),
				p.call(o.Run, jen.Id("ts"), jen.Id("e"), idv()),
				jen.If(jen.Id("id").Op("==").Id("last")).Block(jen.Break()),
				jen.Id("id").Op("=").Id("next"),
			))
	}
	what := "the runs waiting at"
	if s.index != nil {
		what = "the runs with the event's key at"
	}
	f.Commentf("%s offers an event of %s to %s s%d: %s.", o.Method, o.st.plan.Name, what, s.i+1, plan.StateString(s.plan, p.in))
	f.Func().Add(p.q.recv()).Id(o.Method).Add(event(o.st.Type)).Block(body...)
	f.Line()

	var run []jen.Code
	switch {
	case s.plan.Kind == plan.StateElement:
		run = p.elementRun(s, o)
	case s.plan.Kind == plan.StateCount:
		run = p.countRun(s, o)
	case s.standAloneAbsent():
		run = p.absentRun(s, o)
	default:
		run = p.logicalRun(s, o)
	}
	if s.covered {
		f.Commentf("%s passes run id, whose index entry satisfied the filter of s%d, with an event of %s.", o.Run, s.i+1, o.st.plan.Name)
	} else {
		if !usesRun(run[2:]) {
			run = append(run[:1:1], run[2:]...)
		}
		f.Commentf("%s tests run id at s%d against an event of %s.", o.Run, s.i+1, o.st.plan.Name)
	}
	f.Func().Add(p.q.recv()).Id(o.Run).Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(o.st.Type), jen.Id("id").Int32()).Block(run...)
	f.Line()
}

// removeHere takes the run out of the waiting list (or index) of s.
func (p *pattern) removeHere(s *pstate) jen.Code {
	if s.index != nil {
		return p.call(p.Leave, jen.Lit(s.i), idv())
	}
	return wait(s.i).Dot("Remove").Call(links(), idv())
}

// filterReject returns the statements computing op's filter and the
// condition that it is not true (nil: always true; always: never true).
func (p *pattern) filterReject(b *expr.Builder, op *plan.Operand) (reject *jen.Statement, always bool) {
	return p.exprReject(b, op.Filter)
}

// exprReject is filterReject for condition f (nil: always true).
func (p *pattern) exprReject(b *expr.Builder, f plan.Expr) (reject *jen.Statement, always bool) {
	if f == nil {
		return nil, false
	}
	r, always, never := b.Reject(f)
	if never {
		return nil, false
	}
	return r, always
}

// capture stores e in op's slot and records the capture in the run.
func (p *pattern) capture(s *pstate, op *plan.Operand) []jen.Code {
	var c []jen.Code
	if sl := p.slots[op.Source]; sl != nil {
		if sl.counted {
			c = append(c, jen.Id("r").Dot(sl.Field).Dot("push").Call(jen.Id("ts"), jen.Id("e")))
		} else {
			c = append(c, jen.Id("r").Dot(sl.Field).Dot("set").Call(jen.Id("ts"), jen.Id("e")))
		}
	}
	c = append(c,
		jen.Id("r").Dot("progress").Op("=").Lit(s.i),
		lnk().Dot("SetTS").Call(idv(), jen.Id("ts")),
	)
	if s.i == 0 && p.in.Within > 0 {
		c = append(c, jen.If(jen.Op("!").Id("r").Dot("hasStart")).Block(
			jen.Id("r").Dot("start").Op(",").Id("r").Dot("hasStart").Op("=").Id("ts").Op(",").True(),
			p.withinTimer(idv()),
		))
	}
	return c
}

func (p *pattern) runHead() []jen.Code {
	return []jen.Code{p.getM(), jen.Id("r").Op(":=").Add(runAt(idv()))}
}

// elementRun: a=S[f] (§10.3); in SEQUENCE a failing run is discarded.
// At an indexed state the key conjunct is not tested (it holds in the
// bucket), and when the state is covered the offering loop has tested
// the rest on the run's index entry: the run only passes.
func (p *pattern) elementRun(s *pstate, o *offer) []jen.Code {
	op := s.plan.Left
	if s.covered {
		// The run is still in the entry the loop tested.
		body := append(p.runHead(), p.capture(s, op)...)
		return append(body, p.call(p.Pass, jen.Lit(s.i), idv()),
			jen.Id("m").Dot(indexField(s)).Dot("Remove").Call(links(), idv()))
	}
	b := p.m.builder(p.filterEnv(op, o.st, jen.Id("a").Dot("now")))
	body := p.runHead()
	filter := op.Filter
	if s.index != nil {
		filter = s.bucketFilter
	}
	reject, always := p.exprReject(b, filter)
	body = append(body, b.Take()...)
	fail := []jen.Code{}
	if p.seq {
		fail = append(fail, p.removeHere(s))
	}
	if always {
		return append(body, append(fail, jen.Comment("The filter is never true."))...)
	}
	if reject != nil {
		body = append(body, jen.If(reject).Block(append(fail, jen.Return())...))
	}
	body = append(body, p.capture(s, op)...)
	body = append(body, p.call(p.Pass, jen.Lit(s.i), idv()), p.removeHere(s))
	return body
}

// countRun: a=S[f]{min,max} (§10.3 counted element, §10.4 rule 4).
func (p *pattern) countRun(s *pstate, o *offer) []jen.Code {
	op := s.plan.Left
	min, max := s.plan.Min, s.plan.Max
	last := s.i == p.last()
	b := p.m.builder(p.filterEnv(op, o.st, jen.Id("a").Dot("now")))
	body := p.runHead()
	if !last {
		body = append(body, jen.If(jen.Id("r").Dot("progress").Op(">").Lit(s.i)).Block(
			jen.Comment("The next state has captured an event for this run: it stops collecting."),
			p.removeHere(s), jen.Return()))
	}
	reject, always := p.filterReject(b, op)
	body = append(body, b.Take()...)
	fail := []jen.Code{}
	if p.seq {
		fail = append(fail, p.removeHere(s))
	}
	if always {
		return append(body, append(fail, jen.Comment("The filter is never true."))...)
	}
	if reject != nil {
		body = append(body, jen.If(reject).Block(append(fail, jen.Return())...))
	}
	body = append(body, p.capture(s, op)...)
	sl := p.slots[op.Source]
	if p.seq || min > 0 || max >= 0 {
		body = append(body, jen.Id("n").Op(":=").Id("r").Dot(sl.Field).Dot("n"))
	}
	pass := p.call(p.Pass, jen.Lit(s.i), idv())
	if !p.seq {
		if min > 0 {
			if last {
				body = append(body, jen.If(jen.Id("n").Op("==").Lit(min)).Block(pass, p.removeHere(s), jen.Return()))
			} else {
				body = append(body, jen.If(jen.Id("n").Op("==").Lit(min)).Block(pass))
			}
		}
		if max >= 0 {
			body = append(body, jen.If(jen.Id("n").Op("==").Lit(max)).Block(p.removeHere(s)))
		}
		return body
	}
	if last {
		body = append(body, jen.If(jen.Id("n").Op(">=").Lit(min)).Block(pass, p.removeHere(s), jen.Return()))
	} else {
		body = append(body, jen.If(jen.Id("n").Op(">=").Lit(min)).Block(pass))
	}
	restage := p.call(p.Stage, jen.Lit(s.i), idv())
	if max >= 0 {
		body = append(body, jen.If(jen.Id("n").Op("<").Lit(max)).Block(restage).Else().Block(p.removeHere(s)))
	} else {
		body = append(body, restage)
	}
	return body
}

// absentRun: NOT S[f] FOR d as a state of its own.
func (p *pattern) absentRun(s *pstate, o *offer) []jen.Code {
	op := s.plan.Left
	b := p.m.builder(p.filterEnv(op, o.st, jen.Id("a").Dot("now")))
	body := p.runHead()
	reject, always := p.filterReject(b, op)
	body = append(body, b.Take()...)
	if always {
		return append(body, jen.Comment("The filter is never true."))
	}
	var hit []jen.Code
	switch {
	case s.absentFirst() && p.seq && s.every < 0:
		// §10.4 rule 6: in a SEQUENCE without EVERY an S event satisfying f
		// ends the initial run (no new quiet period).
		hit = []jen.Code{jen.Comment("The absence is violated: the initial run ends (SEQUENCE rule 6)."), p.removeHere(s)}
	case s.absentFirst():
		hit = []jen.Code{jen.Comment("The quiet period starts again."), jen.Id("r").Dot("quiet").Op("=").Id("ts")}
	default:
		hit = []jen.Code{jen.Comment("The absence is violated: the run is discarded."), p.removeHere(s)}
	}
	if reject != nil {
		body = append(body, jen.If(reject).Block(jen.Return()))
	}
	return append(body, hit...)
}

// logicalRun: X AND Y, X OR Y, with at most one absent operand.
func (p *pattern) logicalRun(s *pstate, o *offer) []jen.Code {
	body := p.runHead()
	and := s.plan.Kind == plan.StateAnd
	flags := jen.Id("r").Dot(s.flags)
	if p.seq {
		body = append(body, jen.Id("captured").Op(":=").False())
	}
	for _, op := range o.ops {
		bit, other := flagLeft, flagRight
		var partner *plan.Operand = s.plan.Right
		if op == s.plan.Right {
			bit, other, partner = flagRight, flagLeft, s.plan.Left
		}
		ob := p.m.builder(p.filterEnv(op, o.st, jen.Id("a").Dot("now")))
		reject, always := p.filterReject(ob, op)
		pre := ob.Take()
		if always {
			body = append(body, jen.Commentf("The %s operand's filter is never true.", side(bit)))
			continue
		}
		ok := func(then ...jen.Code) []jen.Code {
			out := append([]jen.Code{}, pre...)
			if reject == nil {
				return append(out, then...)
			}
			return append(out, jen.If(jen.Op("!").Parens(reject)).Block(then...))
		}
		var block []jen.Code
		switch {
		case !op.Absent && and:
			var done jen.Code
			switch {
			case !partner.Absent:
				done = jen.Id("r").Dot(s.flags).Op("&").Lit(other).Op("!=").Lit(0)
			case partner.For > 0:
				done = jen.Id("r").Dot(s.flags).Op("&").Lit(flagFired).Op("!=").Lit(0)
			}
			then := append(p.capture(s, op), jen.Add(flags.Clone()).Op("|=").Lit(bit))
			if p.seq {
				then = append(then, jen.Id("captured").Op("=").True())
			}
			passed := []jen.Code{p.call(p.Pass, jen.Lit(s.i), idv()), p.removeHere(s), jen.Return()}
			if done == nil {
				then = append(then, passed...)
			} else {
				then = append(then, jen.If(done).Block(passed...))
			}
			block = []jen.Code{jen.If(jen.Id("r").Dot(s.flags).Op("&").Lit(bit).Op("==").Lit(0)).Block(ok(then...)...)}
		case !op.Absent:
			then := append(p.capture(s, op), jen.Add(flags.Clone()).Op("|=").Lit(bit),
				p.call(p.Pass, jen.Lit(s.i), idv()), p.removeHere(s), jen.Return())
			block = ok(then...)
		case and && op.For == 0:
			block = ok(jen.Comment("The absence is violated: the run is discarded."), p.removeHere(s), jen.Return())
		case and:
			block = []jen.Code{jen.If(jen.Id("r").Dot(s.flags).Op("&").Lit(flagFired).Op("==").Lit(0)).Block(
				ok(jen.Comment("The absence is violated: the run is discarded."), p.removeHere(s), jen.Return())...)}
		default: // OR with an absent operand: the event cancels its timer
			block = []jen.Code{jen.If(jen.Id("r").Dot(s.flags).Op("&").Lit(flagFired | flagCancel).Op("==").Lit(0)).Block(
				ok(jen.Add(flags.Clone()).Op("|=").Lit(flagCancel))...)}
		}
		body = append(body, jen.Commentf("The %s operand: %s.", side(bit), opString(op, p.in)))
		body = append(body, block...)
	}
	if p.seq {
		body = append(body, jen.If(jen.Id("captured")).Block(
			jen.Comment("Half of an AND: the run must meet its partner at the next event."),
			p.call(p.Stage, jen.Lit(s.i), idv()),
		).Else().Block(p.removeHere(s)))
	}
	return body
}

func side(bit int) string {
	if bit == flagLeft {
		return "left"
	}
	return "right"
}

func opString(op *plan.Operand, in *plan.PatternInput) string {
	return plan.StateString(&plan.State{Kind: plan.StateElement, Left: op}, in)
}

// genStage emits Stage: a run enters state i (staged until the next event).
func (p *pattern) genStage(f sink) {
	var cases []jen.Code
	for _, s := range p.states {
		cases = append(cases, jen.Case(jen.Lit(s.i)).Block(p.stageCase(s)...))
	}
	f.Commentf("%s stages run id at state s(i+1): it waits there from the next event on.", p.Stage)
	f.Func().Add(p.q.recv()).Id(p.Stage).Params(jen.Id("i").Int(), jen.Id("id").Int32()).Block(
		p.getM(),
		jen.Switch(jen.Id("i")).Block(cases...),
	)
	f.Line()
}

func (p *pattern) stageCase(s *pstate) []jen.Code {
	var c []jen.Code
	at := lnk().Dot("At").Call(idv(), jen.Lit(s.i))
	switch {
	case !p.seq:
		c = append(c, jen.If(jen.Add(at).Op("!=").Lit(0)).Block(jen.Return()))
	case s.standAloneAbsent():
		c = append(c,
			jen.If(jen.Add(at).Op("!=").Lit(0)).Block(jen.Return()),
			jen.Comment("SEQUENCE: the run replaces the one waiting here."),
			jen.For(jen.Id("x").Op(":=").Add(wait(s.i)).Dot("First").Call(), jen.Id("x").Op("!=").Lit(0), jen.Id("x").Op("=").Add(wait(s.i)).Dot("First").Call()).Block(
				wait(s.i).Dot("Remove").Call(links(), jen.Id("x"))),
			jen.For(jen.Id("x").Op(":=").Add(staged(s.i)).Dot("First").Call(), jen.Id("x").Op("!=").Lit(0), jen.Id("x").Op("=").Add(staged(s.i)).Dot("First").Call()).Block(
				staged(s.i).Dot("Remove").Call(links(), jen.Id("x"))),
		)
	default:
		c = append(c,
			jen.Switch(at).Block(
				jen.Case(jen.Lit(stagedTag(s.i))).Block(jen.Return()),
				jen.Case(jen.Lit(waitTag(s.i))).Block(
					jen.Comment("SEQUENCE: at most one staged run per state; the earlier staging wins."),
					jen.If(staged(s.i).Dot("Len").Call().Op(">").Lit(0)).Block(wait(s.i).Dot("Remove").Call(links(), idv()), jen.Return()),
					wait(s.i).Dot("MoveTo").Call(links(), jen.Op("&").Add(staged(s.i)), idv()),
					jen.Return(),
				),
			),
			jen.If(staged(s.i).Dot("Len").Call().Op(">").Lit(0)).Block(lnk().Dot("Drop").Call(idv()), jen.Return()),
		)
	}
	count0 := s.plan.Kind == plan.StateCount && s.plan.Min == 0
	if count0 && s.i == p.last() {
		return append(c,
			jen.Comment("A count with minimum 0 is satisfied at once: the run matches."),
			p.call(p.Pass, jen.Lit(s.i), idv()),
			lnk().Dot("Drop").Call(idv()),
		)
	}
	c = append(c, staged(s.i).Dot("Push").Call(links(), idv()))
	tsr := func() []jen.Code {
		return []jen.Code{
			jen.Id("t").Op(":=").Add(lnk()).Dot("TS").Call(idv()),
			jen.If(jen.Id("t").Op("==").Qual(rtPath, "NoTS")).Block(jen.Id("t").Op("=").Id("a").Dot("now")),
		}
	}
	switch {
	case s.absentFirst():
		d := s.plan.Left.For
		c = append(c,
			jen.Id("m").Dot("runs").Dot("Items").Index(idv()).Dot("quiet").Op("=").Id("a").Dot("now"),
			p.deadline(s.i, jen.Id("a").Dot("now").Op("+").Lit(d)),
		)
	case s.absentFor() != nil:
		c = append(c, tsr()...)
		c = append(c, p.deadline(s.i, jen.Id("t").Op("+").Lit(s.absentFor().For)))
	}
	if count0 {
		c = append(c, jen.Comment("A count with minimum 0 is satisfied at once: the run also moves on."),
			p.call(p.Pass, jen.Lit(s.i), idv()))
	}
	return c
}

// genPass emits Pass: run id has satisfied state i. It restarts an EVERY
// range that ends here and moves the run on (or matches); the caller then
// takes the run out of state i.
func (p *pattern) genPass(f sink) {
	var cases []jen.Code
	for _, s := range p.states {
		var c []jen.Code
		if s.plan.EveryEnd && (!p.seq || p.states[0].absentFirst()) {
			start := p.states[s.i]
			for start.i > 0 && !start.plan.EveryStart {
				start = p.states[start.i-1]
			}
			c = append(c, jen.Commentf("EVERY: a copy without the range's events restarts at s%d.", start.i+1),
				jen.Id("c").Op(":=").Add(p.call(p.Copy, idv(), jen.Lit(start.i))))
			if p.in.Within > 0 && start.i > 0 {
				c = append(c, jen.Id("m").Op(":=").Op("&").Add(p.self()), jen.If(item(jen.Id("c")).Dot("hasStart")).Block(p.withinTimer(jen.Id("c"))))
			}
			c = append(c, p.call(p.Stage, jen.Lit(start.i), jen.Id("c")))
		}
		switch {
		case s.i == p.last() && p.deferred:
			c = append(c, jen.Id("m").Op(":=").Op("&").Add(p.self()),
				jen.Id("m").Dot("done").Op("=").Append(jen.Id("m").Dot("done"), jen.Id(p.Done).Values(
					field("ts", lnk().Dot("TS").Call(idv())), field("r", item(idv())))))
		case s.i == p.last():
			c = append(c, p.call(p.Match, idv()))
		default:
			c = append(c, p.call(p.Stage, jen.Lit(s.i+1), idv()))
		}
		cases = append(cases, jen.Case(jen.Lit(s.i)).Block(c...))
	}
	f.Commentf("%s moves run id past state s(i+1): to the next state, or it is a match.", p.Pass)
	f.Func().Add(p.q.recv()).Id(p.Pass).Params(jen.Id("i").Int(), jen.Id("id").Int32()).Block(jen.Switch(jen.Id("i")).Block(cases...))
	f.Line()
}

// genLeave emits Leave: take run id out of whatever list of state i holds it.
func (p *pattern) genLeave(f sink) {
	var cases []jen.Code
	for _, s := range p.states {
		inner := []jen.Code{
			jen.Case(jen.Lit(waitTag(s.i))).Block(wait(s.i).Dot("Remove").Call(links(), idv())),
			jen.Case(jen.Lit(stagedTag(s.i))).Block(staged(s.i).Dot("Remove").Call(links(), idv())),
		}
		if s.index != nil {
			inner = append(inner,
				jen.Case(jen.Lit(indexTag(s.i))).Block(jen.Id("m").Dot(indexField(s)).Dot("Remove").Call(links(), idv())),
				jen.Case(jen.Lit(indexTag(s.i)+1)).Block(jen.Id("m").Dot(indexField(s)).Dot("Nulls").Dot("Remove").Call(links(), idv())),
			)
		}
		cases = append(cases, jen.Case(jen.Lit(s.i)).Block(jen.Switch(lnk().Dot("At").Call(idv(), jen.Lit(s.i))).Block(inner...)))
	}
	f.Commentf("%s takes run id out of state s(i+1); a run in no state any more is freed.", p.Leave)
	f.Func().Add(p.q.recv()).Id(p.Leave).Params(jen.Id("i").Int(), jen.Id("id").Int32()).Block(
		p.getM(),
		jen.Switch(jen.Id("i")).Block(cases...),
	)
	f.Line()
}

// genCopy emits Copy: a new run equal to id with states from on cleared.
func (p *pattern) genCopy(f sink) {
	f.Commentf("%s returns a new run holding what run id captured before state s(from+1).", p.Copy)
	f.Func().Add(p.q.recv()).Id(p.Copy).Params(jen.Id("id").Int32(), jen.Id("from").Int()).Int32().Block(
		p.getM(),
		jen.Id("c").Op(":=").Id("m").Dot("runs").Dot("Alloc").Call(),
		jen.Id("m").Dot("runs").Dot("Items").Index(jen.Id("c")).Op("=").Id("m").Dot("runs").Dot("Items").Index(idv()),
		jen.Id("m").Dot("runs").Dot("Items").Index(jen.Id("c")).Dot("reset").Call(jen.Id("from")),
		jen.If(jen.Id("from").Op(">").Lit(0)).Block(lnk().Dot("SetTS").Call(jen.Id("c"), lnk().Dot("TS").Call(idv()))),
		jen.Return(jen.Id("c")),
	)
	f.Line()
}

// genMatch emits the match: WHERE, the projection, HAVING, and the match
// delivered as one output chunk of one row (one emission, §4.6).
func (g *qgen) genMatch(f sink, out jen.Code) {
	q := g.q
	p := q.pat
	pq := q.plan
	body := []jen.Code{}
	switch {
	case pq.Events == plan.ExpiredEvents:
		body = append(body, jen.Comment("Patterns produce no expired events: nothing is emitted."))
	case pq.Limit == 0:
		body = append(body, jen.Comment("LIMIT 0: nothing is emitted."))
	case pq.Offset >= 1:
		body = append(body, jen.Comment("Every match is one emission and OFFSET skips it: nothing is emitted."))
	default:
		body = g.matchBody(out)
	}
	params := []jen.Code{jen.Id("id").Int32()}
	doc := "%s emits the match of run id."
	if p.deferred {
		params = []jen.Code{jen.Id("ts").Int64(), jen.Id("r").Op("*").Id(p.Run)}
		doc = "%s emits the match r completed at ts."
	}
	f.Commentf(doc, p.Match)
	f.Func().Add(p.q.recv()).Id(p.Match).Params(params...).Block(body...)
	f.Line()
}

func (g *qgen) matchBody(out jen.Code) []jen.Code {
	q := g.q
	p := q.pat
	pq := q.plan
	b := g.m.builder(expr.Env{
		Out: jen.Id("row"), OutFields: q.out.Fields,
		TS: jen.Id("ts"), Now: jen.Id("a").Dot("now"),
		Ref:       func(r *plan.Ref) expr.Slot { return p.refSlot("r", r) },
		EventTime: func(src int) expr.Slot { return p.timeSlot("r", src) },
	})
	if !p.deferred {
		b.Emit(p.getM())
		if p.readsRun() {
			b.Emit(jen.Id("r").Op(":=").Add(runAt(idv())))
		}
		b.Emit(jen.Id("ts").Op(":=").Add(lnk()).Dot("TS").Call(idv()))
	}
	if pq.Where != nil {
		reject, always, never := b.Reject(pq.Where)
		switch {
		case always:
			return []jen.Code{jen.Comment("The WHERE condition is never true: nothing is emitted.")}
		case !never:
			b.Emit(jen.If(reject).Block(jen.Return()))
		}
	}
	if q.selects() {
		// The match is one emission of one CURRENT event (§10.5): the
		// selector aggregates it (never removed, never reset), groups,
		// applies HAVING, ORDER BY, LIMIT and the rate limiter.
		run := runAt(idv())
		if p.readsRun() || p.deferred {
			run = jen.Id("r")
		}
		b.Emit(q.f("Begin").Call(), q.f("Select").Call(jen.Id("ts"), run), q.f("End").Call())
		return b.Take()
	}
	b.Emit(out)
	if !q.cyclic {
		b.Emit(jen.Id("out").Dot("Reset").Call())
	}
	b.Emit(jen.Id("row").Op(":=").Id("out").Dot("Append").Call(jen.Id("ts")))
	g.project(b)
	if pq.Having != nil {
		reject, always, never := b.Reject(pq.Having)
		switch {
		case always:
			return []jen.Code{jen.Comment("The HAVING condition is never true: nothing is emitted.")}
		case !never:
			b.Emit(jen.If(reject).Block(jen.Return()))
		}
	}
	b.Emit(jen.Id("a").Dot("emit" + q.out.Type).Call(jen.Id("out")))
	return b.Take()
}

// genDrain emits the completed-match type and q<N>Drain, which delivers
// the matches completed since index base of the done list, each as its own
// emission in completion order (§10.3 step 4). A delivery can re-enter the
// automaton (a cycle): the nested event is processed completely, its own
// matches delivered and dropped, before the next match of this event
// (§4.6, depth first); each match is copied out first because the nested
// event may grow the list.
func (p *pattern) genDrain(f sink) {
	f.Commentf("%s is a match of %s completed while an event was being offered.", p.Done, p.q.Method)
	f.Type().Id(p.Done).Struct(jen.Id("ts").Int64(), jen.Id("r").Id(p.Run))
	f.Line()
	f.Commentf("%s delivers the matches completed since index base, in completion order.", p.Drain)
	f.Func().Add(p.q.recv()).Id(p.Drain).Params(jen.Id("base").Int()).Block(
		p.getM(),
		jen.For(jen.Id("i").Op(":=").Id("base"), jen.Id("i").Op("<").Len(jen.Id("m").Dot("done")), jen.Id("i").Op("++")).Block(
			jen.Id("d").Op(":=").Id("m").Dot("done").Index(jen.Id("i")),
			p.call(p.Match, jen.Id("d").Dot("ts"), jen.Op("&").Id("d").Dot("r")),
		),
		jen.Id("m").Dot("done").Op("=").Id("m").Dot("done").Index(jen.Empty(), jen.Id("base")),
	)
	f.Line()
}

// filtersReadTables reports whether some state's filter searches a table.
func (p *pattern) filtersReadTables() bool {
	found := false
	for _, s := range p.states {
		for _, o := range s.ops() {
			walk(o.Filter, func(e plan.Expr) {
				if _, ok := e.(*plan.InTable); ok {
					found = true
				}
			})
		}
	}
	return found
}

// readsRun reports whether the query's clauses read the run's slots.
func (p *pattern) readsRun() bool {
	reads := false
	visit := func(e plan.Expr) {
		switch e := e.(type) {
		case *plan.Ref:
			reads = reads || !e.TableRow
		case *plan.EventTime:
			reads = reads || e.Source >= 0
		}
	}
	q := p.q.plan
	walk(q.Where, visit)
	for _, c := range q.Select {
		walk(c.Expr, visit)
	}
	walk(q.Having, visit)
	for _, r := range q.GroupBy {
		walk(r, visit)
	}
	for _, o := range q.OrderBy {
		walk(o.Expr, visit)
	}
	return reads
}

// genTimer emits the handler of the pattern's timers: WITHIN expiry
// (Arg -1) and absent deadlines (Arg = state).
func (p *pattern) genTimer(f sink) {
	var cases []jen.Code
	if p.in.Within > 0 {
		cases = append(cases, jen.Case(jen.Lit(-1)).Block(p.call(p.Expire, idv())))
	}
	for _, s := range p.states {
		if s.absentFor() == nil {
			continue
		}
		c := p.timerCase(s)
		if !usesRun(c[1:]) {
			c = c[1:]
		}
		cases = append(cases, jen.Case(jen.Lit(s.i)).Block(c...))
	}
	f.Commentf("%s handles a timer of %s's runs: WITHIN expiry (state -1) or an", p.Timer, p.q.Method)
	f.Comment("absent deadline at a state.")
	body := []jen.Code{
		p.getM(),
		jen.List(jen.Id("id"), jen.Id("state"), jen.Id("ok")).Op(":=").Add(lnk()).Dot("Fired").Call(jen.Id("t").Dot("Arg")),
		jen.If(jen.Op("!").Id("ok").Op("||").Id("state").Op(">=").Lit(0).Op("&&").Add(lnk()).Dot("At").Call(idv(), jen.Id("state")).Op("==").Lit(0)).Block(
			jen.Comment("The run is gone, or has left the state."),
			jen.Return(),
		),
	}
	if p.deferred {
		body = append(body, jen.Id("base").Op(":=").Len(jen.Id("m").Dot("done")), jen.Defer().Add(p.call(p.Drain, jen.Id("base"))))
	}
	body = append(body, jen.Switch(jen.Id("state")).Block(cases...))
	f.Func().Add(p.q.recv()).Id(p.Timer).Params(jen.Id("t").Qual(rtPath, "Timer")).Block(body...)
	f.Line()
	if p.within != nil {
		f.Commentf("%s handles a WITHIN expiry of %s's chain: the next one enters the queue.", p.WithinTimer, p.q.Method)
		f.Func().Add(p.q.recv()).Id(p.WithinTimer).Params(jen.Id("t").Qual(rtPath, "Timer")).Block(
			p.self().Dot("within").Dot("Fired").Call(jen.Op("&").Add(aField("timers"))),
			aField(p.Timer).Call(jen.Id("t")),
		)
		f.Line()
	}
}

func (p *pattern) timerCase(s *pstate) []jen.Code {
	c := []jen.Code{jen.Id("r").Op(":=").Add(runAt(idv()))}
	leave := p.call(p.Leave, jen.Lit(s.i), idv())
	pass := []jen.Code{
		jen.Id("r").Dot("progress").Op("=").Lit(s.i),
		lnk().Dot("SetTS").Call(idv(), jen.Id("t").Dot("Due")),
		p.call(p.Pass, jen.Lit(s.i), idv()),
		leave,
	}
	if p.in.Within > 0 {
		pass = append([]jen.Code{jen.If(jen.Id("r").Dot("hasStart").Op("&&").Id("t").Dot("Due").Op("-").Id("r").Dot("start").Op(">").Lit(p.in.Within)).Block(
			jen.Comment("WITHIN is violated: the run is discarded instead of passing."),
			p.call(p.Leave, jen.Lit(s.i), idv()), jen.Return())}, pass...)
	}
	d := s.absentFor().For
	switch {
	case s.absentFirst():
		c = append(c, jen.If(jen.Id("r").Dot("quiet").Op("+").Lit(d).Op(">").Id("t").Dot("Due")).Block(
			jen.Comment("An event restarted the quiet period: wait until it ends."),
			p.deadline(s.i, jen.Id("r").Dot("quiet").Op("+").Lit(d)),
			jen.Return(),
		))
		c = append(c, pass...)
	case s.standAloneAbsent():
		c = append(c, pass...)
	case s.plan.Kind == plan.StateOr:
		c = append(c, jen.If(jen.Id("r").Dot(s.flags).Op("&").Lit(flagCancel).Op("!=").Lit(0)).Block(jen.Return()),
			jen.Id("r").Dot(s.flags).Op("|=").Lit(flagFired))
		c = append(c, pass...)
	default: // AND: passes once the other operand has captured too
		other := flagLeft
		if s.plan.Left.Absent {
			other = flagRight
		}
		c = append(c, jen.Id("r").Dot(s.flags).Op("|=").Lit(flagFired),
			jen.If(jen.Id("r").Dot(s.flags).Op("&").Lit(other).Op("==").Lit(0)).Block(jen.Return()))
		c = append(c, pass...)
	}
	return c
}

// genExpire emits Expire: WITHIN discards run id everywhere (§10.3 step 1).
func (p *pattern) genExpire(f sink) {
	body := []jen.Code{p.getM()}
	for _, s := range p.states {
		var c []jen.Code
		if p.rearm && s.every >= 0 {
			seq := lnk().Dot("Seq").Call(idv(), jen.Lit(s.i))
			record := jen.If(jen.Id("x").Op(":=").Id("m").Dot("pending").Index(jen.Lit(s.i)), jen.Id("x").Op("==").Lit(0).Op("||").Add(seq.Clone()).Op(">").Id("m").Dot("pendingSeq").Index(jen.Lit(s.i))).Block(
				jen.If(jen.Id("x").Op("!=").Lit(0)).Block(lnk().Dot("Free").Call(jen.Id("x"))),
				jen.Id("m").Dot("pendingSeq").Index(jen.Lit(s.i)).Op("=").Add(seq.Clone()),
				jen.Id("m").Dot("pending").Index(jen.Lit(s.i)).Op("=").Add(p.call(p.Copy, idv(), jen.Lit(s.every))),
			)
			// A counted run also waits at the next state(s) of its range
			// (§10.3 "the same run"): it is one discarded run, counted at
			// the furthest state it reached, so the range gets one copy.
			var later jen.Code
			for _, t := range p.states[s.i+1:] {
				if t.every != s.every {
					break
				}
				at := lnk().Dot("At").Call(idv(), jen.Lit(t.i)).Op("==").Lit(0)
				if later == nil {
					later = at
				} else {
					later = jen.Add(later).Op("&&").Add(at)
				}
			}
			c = append(c, jen.Commentf("s%d is inside EVERY: remember a copy of the last run discarded here.", s.i+1))
			if later != nil && s.plan.Kind == plan.StateCount {
				c = append(c, jen.If(later).Block(record))
			} else {
				c = append(c, record)
			}
		}
		c = append(c, p.call(p.Leave, jen.Lit(s.i), idv()))
		body = append(body, jen.If(lnk().Dot("At").Call(idv(), jen.Lit(s.i)).Op("!=").Lit(0)).Block(c...))
	}
	f.Commentf("%s discards run id, older than WITHIN %dms, from every state.", p.Expire, p.in.Within)
	f.Func().Add(p.q.recv()).Id(p.Expire).Params(jen.Id("id").Int32()).Block(body...)
	f.Line()
}

// sink adds declarations to a query's generated code with the jen.File
// methods that gen_pattern uses.
type sink struct{ g *qgen }

func (s sink) add(c *jen.Statement) *jen.Statement {
	s.g.decls = append(s.g.decls, c)
	return c
}
func (s sink) Comment(c string) *jen.Statement            { return s.add(jen.Comment(c)) }
func (s sink) Commentf(f string, a ...any) *jen.Statement { return s.add(jen.Commentf(f, a...)) }
func (s sink) Func() *jen.Statement                       { return s.add(jen.Func()) }
func (s sink) Type() *jen.Statement                       { return s.add(jen.Type()) }
func (s sink) Var() *jen.Statement                        { return s.add(jen.Var()) }
func (s sink) Line()                                      { s.g.decls = append(s.g.decls, jen.Line()) }
