package codegen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
)

// buildTriggers allocates a timer kind per trigger (§3.3, §12.1) and
// returns the firing handlers. A firing delivers one event, whose
// timestamp and triggered_time are the firing time, as a chunk of its
// own; AT START fires once at time 0, AT EVERY d at d, 2d, …, AT CRON at
// every cron instant after 0.
func (m *model) buildTriggers() []jen.Code {
	var decls []jen.Code
	for _, tr := range m.app.Triggers {
		s := m.byPlan[tr.Stream]
		handler := "fire" + s.Type
		t := m.newTimer("timer"+strings.ToUpper(handler[:1])+handler[1:], handler, "trigger "+tr.Name)
		var next jen.Code
		switch tr.Kind {
		case plan.AtStart:
			m.inits = append(m.inits, t.schedule(jen.Lit(0), nil))
		case plan.AtEvery:
			m.inits = append(m.inits, t.schedule(jen.Lit(int(tr.Period)), nil))
			next = t.schedule(jen.Id("t").Dot("Due").Op("+").Lit(int(tr.Period)), nil)
		case plan.AtCron:
			cron := "cron" + s.Type
			m.triggerFields = append(m.triggerFields, jen.Id(cron).Op("*").Qual(rtPath, "Cron").Comment("trigger "+tr.Name+"'s instants"))
			m.inits = append(m.inits,
				aField(cron).Op("=").Qual(rtPath, "MustParseCron").Call(jen.Lit(tr.Cron)),
				jen.If(jen.List(jen.Id("at"), jen.Id("ok")).Op(":=").Add(aField(cron)).Dot("Next").Call(jen.Lit(0)), jen.Id("ok")).Block(
					t.schedule(jen.Id("at"), nil)))
			next = jen.If(jen.List(jen.Id("at"), jen.Id("ok")).Op(":=").Add(aField(cron)).Dot("Next").Call(jen.Id("t").Dot("Due")), jen.Id("ok")).Block(
				t.schedule(jen.Id("at"), nil))
		}
		body := []jen.Code{}
		if next != nil {
			body = append(body, next)
		}
		send := aField("send" + s.Type)
		body = append(body,
			send.Clone().Dot("Single").Call(jen.Id("t").Dot("Due"), jen.Op("&").Id(s.Type).Values(jen.Id(s.Fields[0]).Op(":").Id("t").Dot("Due"))),
			aField("emit"+s.Type).Call(jen.Op("&").Add(send)),
		)
		decls = append(decls,
			jen.Commentf("%s fires trigger %s at the timer's time: one event whose triggered_time", handler, tr.Name),
			jen.Comment("is that time (§12.1)."),
			jen.Func().Add(recv()).Id(handler).Params(jen.Id("t").Qual(rtPath, "Timer")).Block(body...),
			jen.Line())
	}
	return decls
}
