package codegen

import (
	"github.com/dave/jennifer/jen"
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

// genApp emits the App type, New, and the typed entry points.
func (m *model) genApp(f *jen.File) {
	fields := []jen.Code{
		jen.Id("now").Int64().Comment("the engine clock (ms): the latest time seen"),
		jen.Id("dec").Qual(rtPath, "Scanner").Comment("decodes SendJSON and SendJSONArray input"),
	}
	for _, s := range m.streams {
		fields = append(fields, jen.Id("on"+s.Type).Index().Add(callback(s.Type)))
		if s.input() {
			fields = append(fields, jen.Id("in"+s.Type).Id(s.Type).Comment("the event decoded by SendJSON"))
		}
	}
	for _, q := range m.queries {
		if !q.cyclic {
			fields = append(fields, jen.Id(q.Buf).Id(q.out.Type).Comment(q.Method+"'s output event, valid during its delivery"))
		}
	}
	f.Comment("App is the compiled application " + m.app.Name + ". It is single-threaded and")
	f.Comment("deterministic; callbacks receive events owned by the App, valid only")
	f.Comment("during the call, and must not send events to the same App.")
	f.Type().Id("App").Struct(fields...)
	f.Line()
	f.Var().Id("_").Qual(rtPath, "Program").Op("=").Parens(jen.Op("*").Id("App")).Parens(jen.Nil())
	f.Line()
	f.Comment("New returns an App at time 0.")
	f.Func().Id("New").Params().Op("*").Id("App").Block(jen.Return(jen.Op("&").Id("App").Values()))
	f.Line()
	m.genClock(f)
	for _, s := range m.streams {
		m.genEntryPoints(f, s)
	}
}

// genClock emits AdvanceTo and NextDeadline. A stateless app has no
// timers: the clock only moves forward.
func (m *model) genClock(f *jen.File) {
	f.Comment("AdvanceTo moves the clock to ts; it never goes back.")
	f.Func().Add(recv()).Id("AdvanceTo").Params(jen.Id("ts").Int64()).Block(
		jen.If(jen.Id("ts").Op(">").Id("a").Dot("now")).Block(jen.Id("a").Dot("now").Op("=").Id("ts")),
	)
	f.Line()
	f.Comment("NextDeadline reports the earliest pending timer: this app has none.")
	f.Func().Add(recv()).Id("NextDeadline").Params().Params(jen.Int64(), jen.Bool()).Block(
		jen.Return(jen.Lit(0), jen.False()),
	)
	f.Line()
}

// genEntryPoints emits Send<T> (input streams), On<T> and emit<T>.
func (m *model) genEntryPoints(f *jen.File, s *stream) {
	t := s.Type
	if s.input() {
		f.Commentf("Send%s delivers e to stream %s at time ts.", t, s.plan.Name)
		f.Func().Add(recv()).Id("Send"+t).Add(event(t)).Block(
			jen.Id("a").Dot("AdvanceTo").Call(jen.Id("ts")),
			jen.Id("a").Dot("emit"+t).Call(jen.Id("ts"), jen.Id("e")),
		)
		f.Line()
	}
	f.Commentf("On%s calls fn with every event of stream %s; e is valid only during the call.", t, s.plan.Name)
	f.Func().Add(recv()).Id("On" + t).Params(jen.Id("fn").Add(callback(t))).Block(
		jen.Id("a").Dot("on"+t).Op("=").Append(jen.Id("a").Dot("on"+t), jen.Id("fn")),
	)
	f.Line()
	body := []jen.Code{}
	for _, q := range s.consumers {
		body = append(body, jen.Id("a").Dot(q.Method).Call(jen.Id("ts"), jen.Id("e")))
	}
	body = append(body, jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("a").Dot("on"+t)).Block(
		jen.Id("fn").Call(jen.Id("ts"), jen.Id("e")),
	))
	f.Commentf("emit%s delivers an event of %s to its consuming queries in subscription", t, s.plan.Name)
	f.Comment("order, each completely before the next (depth-first, §4.6), then to subscribers.")
	f.Func().Add(recv()).Id("emit" + t).Add(event(t)).Block(body...)
	f.Line()
}
