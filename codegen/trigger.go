package codegen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/cron"
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
			field := "cron" + s.Type
			m.triggerFields = append(m.triggerFields, jen.Id(field).Qual(rtPath, "Cron").Comment("trigger "+tr.Name+"'s instants"))
			m.inits = append(m.inits,
				aField(field).Op("=").Add(cronLit(tr.Cron)),
				jen.If(jen.List(jen.Id("at"), jen.Id("ok")).Op(":=").Add(aField(field)).Dot("Next").Call(jen.Lit(0)), jen.Id("ok")).Block(
					t.schedule(jen.Id("at"), nil)))
			next = jen.If(jen.List(jen.Id("at"), jen.Id("ok")).Op(":=").Add(aField(field)).Dot("Next").Call(jen.Id("t").Dot("Due")), jen.Id("ok")).Block(
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

// cronLit is the rt.Cron literal of a checked cron expression (§12.2): the
// compiler parses it (compiler/cron), the runtime only evaluates the sets.
func cronLit(expr string) jen.Code {
	s := cron.MustParse(expr)
	hex := func(v uint64) jen.Code { return jen.Op(fmt.Sprintf("%#x", v)) }
	years := make([]jen.Code, len(s.Year))
	for i, y := range s.Year {
		years[i] = hex(y)
	}
	// The expression, quoted: it may hold any white space.
	open := jen.Options{Open: "{ // " + strconv.Quote(expr), Close: "}", Separator: ","}
	return jen.Qual(rtPath, "Cron").Custom(open,
		jen.Line().Id("Second").Op(":").Add(hex(s.Second)), jen.Id("Minute").Op(":").Add(hex(s.Minute)), jen.Id("Hour").Op(":").Add(hex(s.Hour)),
		jen.Line().Id("Dom").Op(":").Add(hex(s.Dom)), jen.Id("Month").Op(":").Add(hex(s.Month)), jen.Id("Dow").Op(":").Add(hex(s.Dow)),
		jen.Line().Id("Year").Op(":").Index(jen.Lit(len(s.Year))).Uint64().Values(years...),
		jen.Line().Id("DomAny").Op(":").Lit(s.DomAny), jen.Id("DowAny").Op(":").Lit(s.DowAny).Op(",").Line())
}
