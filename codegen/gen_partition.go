package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// Partitions (§11). For partition p1 the App holds p1, an
// rt.Instances[p1Instance]; p1Instance embeds *App and holds the state of
// every query of the partition for one key. The generated pieces are:
//
//	p1Instance            the instance struct: key, slot, creation time, pending
//	                      timers, then the queries' fields
//	p1Get(key, ts)        the instance of a key, created at ts on its first event
//	p1<S>(in)             dispatch of a chunk of S: by key into runs of
//	                      consecutive events of one key, or to every instance
//	p1<S>To(key, run)     a run delivered to its instance's consumers of S
//	p1Fire(t), p1Settle   a timer's instance; removal of an idle instance
//	(a *p1Instance) q2    the queries, timers and inner streams (emit<Inner>)

// partFields are the App fields of the partitions.
func (m *model) partFields() []jen.Code {
	var fields []jen.Code
	for _, p := range m.parts {
		fields = append(fields, jen.Id(p.Name).Add(rtType("Instances", jen.Id(p.Type))).
			Commentf("the instances of the partition at line %d, by key", p.plan.Pos.Line))
		for _, r := range p.reads {
			if r.key != nil && !p.cyclic {
				fields = append(fields, jen.Id(r.Method+"Run").Add(rtType("Chunk", jen.Id(r.s.Type))).
					Commentf("consecutive events of %s with one key", r.s.plan.Name))
			}
		}
	}
	return fields
}

// genPartitions emits everything of the partitions but their queries.
func (m *model) genPartitions(f *jen.File) {
	for _, p := range m.parts {
		m.genInstance(f, p)
		for _, r := range p.reads {
			m.genDispatch(f, p, r)
		}
	}
	for _, s := range m.inner {
		body := []jen.Code{}
		for _, c := range s.consumers {
			body = append(body, jen.Id("a").Dot(c.q.entry[s]).Call(jen.Id("c")))
		}
		f.Commentf("emit%s delivers a chunk of the inner stream %s to its consumers in the instance.", s.Type, s.plan.Name)
		f.Func().Params(jen.Id("a").Op("*").Id(s.part.Type)).Id("emit" + s.Type).Params(jen.Id("c").Add(chunkOf(s.Type))).Block(body...)
		f.Line()
	}
}

func (m *model) genInstance(f *jen.File, p *partition) {
	fields := []jen.Code{
		jen.Op("*").Id("App").Comment("the engine: clock, timer queue, global streams and tables"),
		jen.Id("key").String().Comment("the partition key, as text (§11)"),
		jen.Id("slot").Int32().Comment("the instance's slot in the App's table; its timers carry it"),
		jen.Id("created").Int64().Comment("the time of the key's first event: rate ticks start here (§7)"),
	}
	if p.timers {
		fields = append(fields, jen.Id("pending").Int32().Comment("timers of the instance in the App's queue"))
	}
	fields = append(fields, p.fields...)
	f.Commentf("%s is one instance of the partition at line %d (§11): the state of its", p.Type, p.plan.Pos.Line)
	f.Comment("queries for one key. Its methods name their receiver a, like the App's: through")
	f.Comment("the embedded *App the clock, the timer queue and the global streams read the same.")
	f.Type().Id(p.Type).Struct(fields...)
	f.Line()

	// A new instance: a fresh one, or a removed one (its state is empty).
	var newInst []jen.Code
	if p.purge {
		newInst = []jen.Code{
			jen.Id("p").Op(":=").Add(aField(p.Name)).Dot("Spare").Call(),
			jen.If(jen.Id("p").Op("==").Nil()).Block(jen.Id("p").Op("=").Op("&").Id(p.Type).Values(jen.Id("App").Op(":").Id("a"))),
			jen.List(jen.Id("p").Dot("key"), jen.Id("p").Dot("created")).Op("=").List(jen.Id("key"), jen.Id("ts")),
		}
	} else {
		newInst = []jen.Code{jen.Id("p").Op(":=").Op("&").Id(p.Type).Values(jen.Id("App").Op(":").Id("a"), jen.Id("key").Op(":").Id("key"), jen.Id("created").Op(":").Id("ts"))}
	}
	keyParam := jen.Id("key").String()
	lookup := []jen.Code{
		jen.If(jen.List(jen.Id("p"), jen.Id("ok")).Op(":=").Add(aField(p.Name)).Dot("Find").Call(jen.Id("key")), jen.Id("ok")).Block(jen.Return(jen.Id("p"))),
	}
	lookup = append(lookup, newInst...)
	lookup = append(lookup, jen.Id("p").Dot("slot").Op("=").Add(aField(p.Name)).Dot("Add").Call(jen.Id("key"), jen.Id("p")))
	doc := "returns the instance of key, created at ts if the key has none."
	if p.closed != nil {
		keyParam = jen.Id("slot").Int32()
		labels := []jen.Code{}
		for _, l := range p.closed {
			labels = append(labels, jen.Lit(l))
		}
		f.Commentf("%sLabels are the range labels: the closed key domain, slot = index.", p.Name)
		f.Var().Id(p.Name + "Labels").Op("=").Index(jen.Op("...")).String().Values(labels...)
		f.Line()
		lookup = []jen.Code{
			jen.If(jen.Id("p").Op(":=").Add(aField(p.Name)).Dot("Slot").Call(jen.Id("slot")), jen.Id("p").Op("!=").Nil()).Block(jen.Return(jen.Id("p"))),
			jen.Id("key").Op(":=").Id(p.Name + "Labels").Index(jen.Id("slot")),
		}
		lookup = append(lookup, newInst...)
		lookup = append(lookup,
			jen.Id("p").Dot("slot").Op("=").Id("slot"),
			aField(p.Name).Dot("PutAt").Call(jen.Id("slot"), jen.Id("key"), jen.Id("p")))
		doc = "returns the instance of the label in slot, created at ts if it has none."
	}
	if len(p.inits) > 0 {
		lookup = append(lookup, jen.Id("p").Dot("init").Call())
	}
	lookup = append(lookup, jen.Return(jen.Id("p")))
	f.Commentf("%sGet %s", p.Name, doc)
	f.Func().Add(recv()).Id(p.Name+"Get").Params(keyParam, jen.Id("ts").Int64()).Op("*").Id(p.Type).Block(lookup...)
	f.Line()

	inst := jen.Params(jen.Id("a").Op("*").Id(p.Type))
	if len(p.inits) > 0 {
		f.Comment("init sets up a new instance's state and schedules its first ticks.")
		f.Func().Add(inst).Id("init").Params().Block(p.inits...)
		f.Line()
	}
	if p.timers {
		f.Comment("schedule adds a timer of the instance to the App's queue.")
		f.Func().Add(inst.Clone()).Id("schedule").Params(jen.Id("due").Int64(), jen.List(jen.Id("kind"), jen.Id("arg")).Int32()).Block(
			jen.Id("a").Dot("pending").Op("++"),
			jen.Id("a").Dot("timers").Dot("ScheduleInst").Call(jen.Id("due"), jen.Id("kind"), jen.Id("a").Dot("slot"), jen.Id("arg")),
		)
		f.Line()
		f.Commentf("%sFire returns the instance owning timer t.", p.Name)
		f.Func().Add(recv()).Id(p.Name+"Fire").Params(jen.Id("t").Qual(rtPath, "Timer")).Op("*").Id(p.Type).Block(
			jen.Id("p").Op(":=").Add(aField(p.Name)).Dot("At").Call(jen.Id("t").Dot("Inst")),
			jen.Id("p").Dot("pending").Op("--"),
			jen.Return(jen.Id("p")),
		)
		f.Line()
	}
	if p.purge {
		var cond jen.Code
		and := func(c jen.Code) {
			if cond == nil {
				cond = c
			} else {
				cond = jen.Add(cond).Op("&&").Add(c)
			}
		}
		if p.timers {
			and(jen.Id("a").Dot("pending").Op("==").Lit(0))
		}
		for _, q := range p.queries {
			if c, _ := q.idle(); c != nil {
				and(c)
			}
		}
		if cond == nil {
			cond = jen.True()
		}
		f.Comment("idle reports whether the instance holds no state: no held event, no group, no")
		f.Comment("pending timer. Removing it then cannot change any output.")
		f.Func().Add(inst.Clone()).Id("idle").Params().Bool().Block(jen.Return(cond))
		f.Line()
		f.Commentf("%sSettle removes instance p if it is idle (bounded memory over churning keys).", p.Name)
		f.Func().Add(recv()).Id(p.Name + "Settle").Params(jen.Id("p").Op("*").Id(p.Type)).Block(
			jen.If(jen.Id("p").Dot("idle").Call()).Block(aField(p.Name).Dot("Remove").Call(jen.Id("p").Dot("slot"))),
		)
		f.Line()
	}
}

// genDispatch emits the partition's consumer method of stream r.s.
func (m *model) genDispatch(f *jen.File, p *partition, r *partRead) {
	t := r.s.Type
	deliver := func(p0 jen.Code) []jen.Code {
		var body []jen.Code
		for _, q := range r.queries {
			body = append(body, jen.Add(p0).Dot(q.entry[r.s]).Call(jen.Id("c")))
		}
		return body
	}
	if r.key == nil {
		f.Commentf("%s delivers a chunk of %s, which the partition at line %d does not partition,", r.Method, r.s.plan.Name, p.plan.Pos.Line)
		f.Comment("to every instance in creation order (§11).")
		f.Func().Add(recv()).Id(r.Method).Params(jen.Id("c").Add(chunkOf(t))).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(aField(p.Name)).Dot("Order").Call()).Block(deliver(jen.Id("p"))...),
		)
		f.Line()
		return
	}
	// The run's delivery to its instance.
	keyType := jen.String()
	keyName := "key"
	if p.closed != nil {
		keyType, keyName = jen.Int32(), "slot"
	}
	to := []jen.Code{jen.Id("p").Op(":=").Add(aField(p.Name+"Get")).Call(jen.Id(keyName), jen.Id("c").Dot("TS").Index(jen.Lit(0)))}
	to = append(to, deliver(jen.Id("p"))...)
	if p.purge {
		to = append(to, aField(p.Name+"Settle").Call(jen.Id("p")))
	}
	f.Commentf("%sTo delivers a run of %s events with one key to the key's instance.", r.Method, r.s.plan.Name)
	f.Func().Add(recv()).Id(r.Method+"To").Params(jen.Id(keyName).Add(keyType), jen.Id("c").Add(chunkOf(t))).Block(to...)
	f.Line()

	// The dispatch: key each event, cut runs where the key changes.
	b := m.builder(expr.Env{In: jen.Id("e"), InFields: r.s.Fields, TS: tsI(), Now: aField("now")})
	b.Emit(jen.Id("e").Op(":=").Op("&").Id("in").Dot("Ev").Index(jen.Id("i")))
	add := func(k jen.Code) []jen.Code {
		return []jen.Code{
			jen.If(jen.Id("run").Dot("Len").Call().Op(">").Lit(0).Op("&&").Id(keyName).Op("!=").Add(k)).Block(
				aField(r.Method+"To").Call(jen.Id(keyName), jen.Id("run")),
				jen.Id("run").Dot("Reset").Call(),
			),
			jen.Id(keyName).Op("=").Add(k),
			jen.Op("*").Id("run").Dot("Append").Call(tsI()).Op("=").Op("*").Id("e"),
		}
	}
	doc := "to the instance of its key's value"
	if r.key.Value != nil {
		v := b.Value(&plan.Convert{Node: plan.Node{T: types.String, P: r.key.Pos}, X: r.key.Value, Explicit: true})
		if v.AlwaysNull {
			f.Commentf("%s drops every event of %s: its partition key is always null.", r.Method, r.s.plan.Name)
			f.Func().Add(recv()).Id(r.Method).Params(jen.Id("in").Add(chunkOf(t))).Block()
			f.Line()
			return
		}
		if v.Nullable() {
			v = b.Reuse(v)
			b.Emit(jen.If(v.NullCode()).Block(jen.Continue().Comment("a null key: dropped")))
		}
		b.Emit(add(v.Code())...)
	} else {
		doc = "to the instance of every range it matches, in range order"
		for _, rg := range r.key.Ranges {
			var k jen.Code = jen.Lit(rg.Label)
			if p.closed != nil {
				k = jen.Lit(indexOf(p.closed, rg.Label))
			}
			c := b.True(rg.Cond)
			b.Emit(jen.If(c).Block(add(k)...))
		}
	}
	var run jen.Code = jen.Id("run").Op(":=").Op("&").Add(aField(r.Method + "Run"))
	if p.cyclic {
		run = jen.Id("run").Op(":=").Op("&").Qual(rtPath, "Chunk").Types(jen.Id(t)).Values()
	}
	body := []jen.Code{run}
	if !p.cyclic {
		body = append(body, jen.Id("run").Dot("Reset").Call())
	}
	body = append(body,
		jen.Var().Id(keyName).Add(keyType.Clone()),
		jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(b.Take()...),
		jen.If(jen.Id("run").Dot("Len").Call().Op(">").Lit(0)).Block(aField(r.Method+"To").Call(jen.Id(keyName), jen.Id("run"))),
	)
	f.Commentf("%s delivers a chunk of %s to the partition at line %d (§11).", r.Method, r.s.plan.Name, p.plan.Pos.Line)
	f.Commentf("Each event goes %s;", doc)
	f.Comment("consecutive deliveries with one key reach their instance as one chunk.")
	f.Func().Add(recv()).Id(r.Method).Params(jen.Id("in").Add(chunkOf(t))).Block(body...)
	f.Line()
}

// genLiveInstances emits LiveInstances, the number of partition instances.
func (m *model) genLiveInstances(f *jen.File) {
	var sum jen.Code = jen.Lit(0)
	for i, p := range m.parts {
		term := aField(p.Name).Dot("Len").Call()
		if i == 0 {
			sum = term
		} else {
			sum = jen.Add(sum).Op("+").Add(term)
		}
	}
	f.Comment("LiveInstances is the number of partition instances held, for metrics: an instance")
	f.Comment("is created by its key's first event and removed when its state is empty, where")
	f.Comment("removing it cannot change the output.")
	f.Func().Add(recv()).Id("LiveInstances").Params().Int().Block(jen.Return(sum))
	f.Line()
}
