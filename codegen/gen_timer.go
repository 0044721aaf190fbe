package codegen

import (
	"github.com/dave/jennifer/jen"
)

// timerKind is one kind of timer of the app: a constant for rt.Timer.Kind
// and the App method that handles it. Constructs that need timers (time
// windows, output rate ticks; later pattern deadlines, triggers and
// partition instances) allocate their kinds with newTimer; AdvanceTo
// dispatches on them with one switch.
type timerKind struct {
	Const   string // e.g. timerQ1Window
	Handler string // App method taking the rt.Timer, e.g. q1WindowTimer
	Doc     string
	part    *partition // the partition whose instances own the timers; nil: the App
}

// newTimer allocates a timer kind handled by method handler.
func (m *model) newTimer(konst, handler, doc string) *timerKind {
	t := &timerKind{Const: konst, Handler: handler, Doc: doc}
	m.timers = append(m.timers, t)
	return t
}

// schedule is a.timers.Schedule(due, kind, arg).
func (t *timerKind) schedule(due, arg jen.Code) *jen.Statement {
	if arg == nil {
		arg = jen.Lit(0)
	}
	if t.part != nil {
		return aField("schedule").Call(due, jen.Id(t.Const), arg)
	}
	return aField("timers").Dot("Schedule").Call(due, jen.Id(t.Const), arg)
}

// chain declares the App field q<N>Timers, an rt.Chain for timer kind t
// (due times that only grow: only the earliest is in the queue), and
// returns it; nil for a partition's timers, which the instance schedules.
func (g *qgen) chain(t *timerKind, doc string) *jen.Statement {
	if t.part != nil {
		return nil
	}
	g.field("Timers", rtType("Chain"), doc)
	return g.q.f("Timers")
}

// chainSchedule is chain.Schedule(&a.timers, due, kind, 0), or a plain
// schedule without a chain.
func (t *timerKind) chainSchedule(chain *jen.Statement, due jen.Code) *jen.Statement {
	if chain == nil {
		return t.schedule(due, nil)
	}
	return chain.Clone().Dot("Schedule").Call(jen.Op("&").Add(aField("timers")), due, jen.Id(t.Const), jen.Lit(0))
}

// chainFired is chain.Fired(&a.timers), first in the handler of a chained
// timer; nil without a chain.
func chainFired(chain *jen.Statement) *jen.Statement {
	if chain == nil {
		return nil
	}
	return chain.Clone().Dot("Fired").Call(jen.Op("&").Add(aField("timers")))
}

// genTimerKinds emits the timer kind constants.
func (m *model) genTimerKinds(f *jen.File) {
	if len(m.timers) == 0 {
		return
	}
	defs := []jen.Code{}
	for i, t := range m.timers {
		d := jen.Id(t.Const)
		if i == 0 {
			d.Int32().Op("=").Iota()
		}
		defs = append(defs, d.Comment(t.Doc))
	}
	f.Comment("Timer kinds: rt.Timer.Kind values dispatched by AdvanceTo.")
	f.Const().Defs(defs...)
	f.Line()
}

// genClock emits AdvanceTo and NextDeadline (§4.6): timers due at or before
// the new time fire in due order, FIFO among equal due times, with the
// clock at their due time; timers they schedule fire too when due.
func (m *model) genClock(f *jen.File) {
	if len(m.timers) == 0 {
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
		return
	}
	cases := []jen.Code{}
	for _, t := range m.timers {
		if p := t.part; p != nil {
			fire := []jen.Code{
				jen.Id("p").Op(":=").Add(aField(p.Name + "Fire")).Call(jen.Op("*").Id("t")),
				jen.Id("p").Dot(t.Handler).Call(jen.Op("*").Id("t")),
			}
			if p.purge {
				fire = append(fire, aField(p.Name+"Settle").Call(jen.Id("p")))
			}
			cases = append(cases, jen.Case(jen.Id(t.Const)).Block(fire...))
			continue
		}
		cases = append(cases, jen.Case(jen.Id(t.Const)).Block(aField(t.Handler).Call(jen.Op("*").Id("t"))))
	}
	f.Comment("AdvanceTo fires every timer due at or before ts, in due order (FIFO among")
	f.Comment("equal due times), with the clock at each timer's due time, then moves the")
	f.Comment("clock to ts. It never goes back.")
	f.Func().Add(recv()).Id("AdvanceTo").Params(jen.Id("ts").Int64()).Block(
		jen.If(aField("timers").Dot("Due").Call(jen.Id("ts"))).Block(aField("fire").Call(jen.Id("ts"))),
		aField("now").Op("=").Max(aField("now"), jen.Id("ts")),
	)
	f.Line()
	f.Comment("fire fires the timers due at or before ts (AdvanceTo, which inlines).")
	f.Func().Add(recv()).Id("fire").Params(jen.Id("ts").Int64()).Block(
		jen.For(aField("timers").Dot("Due").Call(jen.Id("ts"))).Block(
			jen.Id("t").Op(":=").Add(aField("timers")).Dot("Pop").Call(),
			aField("now").Op("=").Max(aField("now"), jen.Id("t").Dot("Due")),
			jen.Switch(jen.Id("t").Dot("Kind")).Block(cases...),
		),
	)
	f.Line()
	f.Comment("NextDeadline reports the due time of the earliest pending timer.")
	f.Func().Add(recv()).Id("NextDeadline").Params().Params(jen.Int64(), jen.Bool()).Block(
		jen.Return(aField("timers").Dot("Next").Call()),
	)
	f.Line()
}
