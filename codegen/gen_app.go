package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
)

// event is the parameter list (ts int64, e *T) of delivery functions.
func event(typ string) *jen.Statement {
	return jen.Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(typ))
}

// callback is the type func(ts int64, e *T).
func callback(typ string) *jen.Statement {
	return jen.Func().Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(typ))
}

func recv() *jen.Statement { return jen.Params(jen.Id("a").Op("*").Id("App")) }

// genApp emits the App type, New, the clock, and the typed entry points.
func (m *model) genApp(f *jen.File, gens []*qgen) {
	fields := []jen.Code{
		jen.Id("now").Int64().Comment("the engine clock (ms): the latest time seen"),
		jen.Id("dec").Qual(rtPath, "Scanner").Comment("decodes SendJSON and SendJSONArray input"),
	}
	if len(m.timers) > 0 {
		fields = append(fields, jen.Id("timers").Qual(rtPath, "TimerQueue").Comment("pending timers of windows and output rates"))
	}
	for _, s := range m.streams {
		fields = append(fields, jen.Id("on"+s.Type).Index().Add(callback(s.Type)))
		if s.input() {
			fields = append(fields,
				jen.Id("in"+s.Type).Id(s.Type).Comment("the event decoded by SendJSON"),
				jen.Id("send"+s.Type).Qual(rtPath, "Chunk").Types(jen.Id(s.Type)).Comment("the chunk of one input event"),
			)
		}
		if s.plan.Kind == plan.TriggerStream {
			fields = append(fields, jen.Id("send"+s.Type).Qual(rtPath, "Chunk").Types(jen.Id(s.Type)).Comment("the chunk of one firing"))
		}
	}
	fields = append(fields, m.tableFields()...)
	fields = append(fields, m.triggerFields...)
	for _, g := range gens {
		fields = append(fields, g.fields...)
	}
	fields = append(fields, m.partFields()...)
	f.Comment("App is the compiled application " + m.app.Name + ". It is single-threaded and")
	f.Comment("deterministic; callbacks receive events owned by the App, valid only")
	f.Comment("during the call, and must not send events to the same App.")
	f.Type().Id("App").Struct(fields...)
	f.Line()
	f.Var().Id("_").Qual(rtPath, "Program").Op("=").Parens(jen.Op("*").Id("App")).Parens(jen.Nil())
	f.Line()
	f.Comment("New returns an App at time 0.")
	if len(m.inits) == 0 {
		f.Func().Id("New").Params().Op("*").Id("App").Block(jen.Return(jen.Op("&").Id("App").Values()))
	} else {
		body := []jen.Code{jen.Id("a").Op(":=").Op("&").Id("App").Values()}
		body = append(body, m.inits...)
		body = append(body, jen.Return(jen.Id("a")))
		f.Func().Id("New").Params().Op("*").Id("App").Block(body...)
	}
	f.Line()
	m.genClock(f)
	m.genLiveGroups(f)
	m.genPartialMatches(f)
	if len(m.parts) > 0 {
		m.genLiveInstances(f)
	}
	for _, s := range m.streams {
		m.genEntryPoints(f, s)
	}
	m.genPartitions(f)
}

// genLiveGroups emits LiveGroups, the number of GROUP BY groups held.
func (m *model) genLiveGroups(f *jen.File) {
	var sum jen.Code = jen.Lit(0)
	var loops []jen.Code
	for _, p := range m.parts {
		var n jen.Code
		for _, q := range p.queries {
			if q.grouped && q.stateful() && (q.plan.Aggregating || q.deletable) {
				n = jen.Id("n").Op("+=").Id("p").Dot(q.name("Groups")).Dot("Len").Call()
				loops = append(loops, jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(aField(p.Name)).Dot("Order").Call()).Block(n))
			}
		}
	}
	for _, q := range m.queries {
		if q.part != nil {
			continue
		}
		if q.pat == nil && q.grouped && q.stateful() && (q.plan.Aggregating || q.deletable) {
			term := q.f("Groups").Dot("Len").Call()
			if l, ok := sum.(*jen.Statement); ok && l.GoString() == "0" {
				sum = term
			} else {
				sum = jen.Add(sum).Op("+").Add(term)
			}
		}
	}
	f.Comment("LiveGroups is the number of GROUP BY groups the queries hold, for metrics:")
	f.Comment("a group is deleted when its window holds none of its events.")
	if len(loops) > 0 {
		body := append([]jen.Code{jen.Id("n").Op(":=").Add(sum)}, loops...)
		body = append(body, jen.Return(jen.Id("n")))
		f.Func().Add(recv()).Id("LiveGroups").Params().Int().Block(body...)
	} else {
		f.Func().Add(recv()).Id("LiveGroups").Params().Int().Block(jen.Return(sum))
	}
	f.Line()
}

// prefilter is the condition under which Send<T> drops an event at once:
// every consumer is a top-level stateless query whose WHERE rejects it
// (its q<N>Accepts, query.prefilters) and nobody subscribes to the
// stream. Nil when the stream has other consumers.
func (s *stream) prefilter() *jen.Statement {
	if len(s.consumers) == 0 {
		return nil
	}
	c := jen.Len(jen.Id("a").Dot("on" + s.Type)).Op("==").Lit(0)
	for _, cs := range s.consumers {
		q := cs.q
		if q == nil || !q.accepts || q.part != nil || q.entry[s] != q.Method {
			return nil
		}
		c.Op("&&").Op("!").Add(q.f("Accepts")).Call(jen.Id("ts"), jen.Id("e"))
	}
	return c
}

// oneQuery is the stream's only consumer when it has a method for one
// event of the stream (q<N>One, query.one; a pattern's q<N><T>One), which
// Send<T> calls instead of delivering a one-event chunk when nobody
// subscribes to the stream; nil otherwise.
func (s *stream) oneQuery() (q *query, method string) {
	if len(s.consumers) != 1 {
		return nil, ""
	}
	switch q = s.consumers[0].q; {
	case q == nil:
		return nil, ""
	case q.pat != nil:
		return q, q.pat.one[s]
	case q.one && q.entry[s] == q.Method:
		return q, q.name("One")
	}
	return nil, ""
}

// genEntryPoints emits Send<T> (input streams), On<T> and emit<T>.
func (m *model) genEntryPoints(f *jen.File, s *stream) {
	t := s.Type
	if s.input() {
		f.Commentf("Send%s delivers e to stream %s at time ts, after firing the timers due", t, s.plan.Name)
		f.Comment("at or before ts.")
		body := []jen.Code{jen.Id("a").Dot("AdvanceTo").Call(jen.Id("ts"))}
		if pre := s.prefilter(); pre != nil {
			body = append(body, jen.If(pre).Block(jen.Return().Comment("no query takes e and no one subscribes")))
		}
		if q, one := s.oneQuery(); q != nil {
			body = append(body, jen.If(jen.Len(jen.Id("a").Dot("on"+t)).Op("==").Lit(0)).Block(
				jen.Id("a").Dot(one).Call(jen.Id("ts"), jen.Id("e")),
				jen.Return().Comment("no one subscribes: "+q.Method+" alone takes e, without the chunk"),
			))
		}
		body = append(body,
			jen.Id("a").Dot("send"+t).Dot("Single").Call(jen.Id("ts"), jen.Id("e")),
			jen.Id("a").Dot("emit"+t).Call(jen.Op("&").Id("a").Dot("send"+t)),
		)
		f.Func().Add(recv()).Id("Send" + t).Add(event(t)).Block(body...)
		f.Line()
	}
	f.Commentf("On%s calls fn with every event of stream %s; e is valid only during the call.", t, s.plan.Name)
	f.Func().Add(recv()).Id("On" + t).Params(jen.Id("fn").Add(callback(t))).Block(
		jen.Id("a").Dot("on"+t).Op("=").Append(jen.Id("a").Dot("on"+t), jen.Id("fn")),
	)
	f.Line()
	body := []jen.Code{}
	for _, c := range s.consumers {
		if c.q != nil {
			body = append(body, jen.Id("a").Dot(c.q.entry[s]).Call(jen.Id("c")))
		} else {
			body = append(body, jen.Id("a").Dot(c.p.read(s).Method).Call(jen.Id("c")))
		}
	}
	body = append(body, jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("a").Dot("on"+t)).Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("c").Dot("Ev")).Block(
			jen.Id("fn").Call(jen.Id("c").Dot("TS").Index(jen.Id("i")), jen.Op("&").Id("c").Dot("Ev").Index(jen.Id("i"))),
		),
	))
	f.Commentf("emit%s delivers a chunk of %s to its consuming queries in subscription", t, s.plan.Name)
	f.Comment("order, each processing the whole chunk before the next (depth-first, §4.6),")
	f.Comment("then to subscribers one event at a time.")
	f.Func().Add(recv()).Id("emit" + t).Params(jen.Id("c").Add(chunkOf(t))).Block(body...)
	f.Line()
}

// genPartialMatches emits PartialMatches for apps with patterns: the
// number of live runs (partial matches), for metrics.
func (m *model) genPartialMatches(f *jen.File) {
	var sum *jen.Statement
	var loops []jen.Code
	for _, q := range m.queries {
		if q.pat == nil {
			continue
		}
		if p := q.part; p != nil {
			loops = append(loops, jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(aField(p.Name)).Dot("Order").Call()).Block(
				jen.Id("n").Op("+=").Id("p").Dot(q.pat.Field).Dot("runs").Dot("Live").Call()))
			continue
		}
		c := aField(q.pat.Field).Dot("runs").Dot("Live").Call()
		if sum == nil {
			sum = c
		} else {
			sum = sum.Op("+").Add(c)
		}
	}
	if sum == nil && loops == nil {
		return
	}
	if loops != nil {
		if sum == nil {
			sum = jen.Lit(0)
		}
		body := append([]jen.Code{jen.Id("n").Op(":=").Add(sum)}, loops...)
		f.Comment("PartialMatches is the number of live partial matches (runs) of the")
		f.Comment("pattern and sequence queries, in every partition instance, for metrics.")
		f.Func().Add(recv()).Id("PartialMatches").Params().Int().Block(append(body, jen.Return(jen.Id("n")))...)
		f.Line()
		return
	}
	f.Comment("PartialMatches is the number of live partial matches (runs) of the")
	f.Comment("pattern and sequence queries, for metrics: without WITHIN, a pattern")
	f.Comment("with EVERY can hold an unbounded number of them.")
	f.Func().Add(recv()).Id("PartialMatches").Params().Int().Block(jen.Return(sum))
	f.Line()
}
