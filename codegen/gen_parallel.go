package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// genParallel emits the rt.Parallel methods: NotParallel, RouteJSON and,
// per input stream with a partition key, Route<T> (plan.Parallel decides).
func (m *model) genParallel(f *jen.File) {
	par := plan.Parallel(m.app)
	f.Var().Id("_").Qual(rtPath, "Parallel").Op("=").Parens(jen.Op("*").Id("App")).Parens(jen.Nil())
	f.Line()
	f.Comment("NotParallel is \"\" when several copies of the App can share the input by")
	f.Comment("partition key (rt.Parallel), otherwise the reason they cannot.")
	f.Func().Add(recv()).Id("NotParallel").Params().String().Block(jen.Return(jen.Lit(par.Why)))
	f.Line()
	var cases []jen.Code
	for _, s := range m.streams {
		key, ok := par.Keys[s.plan]
		if !par.OK || !ok || !s.input() {
			continue
		}
		b := expr.NewBuilder(expr.Env{In: jen.Id("e"), InFields: s.Fields, TS: aField("now"), Now: aField("now")})
		v := b.Value(&plan.Convert{Node: plan.Node{T: types.String, P: key.Pos()}, X: key, Explicit: true})
		if v.AlwaysNull {
			b.Emit(jen.Return(jen.Lit(0)))
		} else {
			if v.Nullable() {
				v = b.Reuse(v)
				b.Emit(jen.If(v.NullCode()).Block(jen.Return(jen.Lit(0)).Comment("a null key: no instance keeps it")))
			}
			b.Emit(jen.Return(jen.Qual(rtPath, "HashString").Call(v.Code())))
		}
		f.Commentf("Route%s is the routing hash of an event of %s: the hash of its partition", s.Type, s.plan.Name)
		f.Commentf("key's text (%s).", plan.ExprString(key))
		f.Func().Add(recv()).Id("Route" + s.Type).Params(jen.Id("e").Op("*").Id(s.Type)).Uint64().Block(b.Take()...)
		f.Line()
		cases = append(cases, jen.Case(jen.Lit(s.plan.Name)).Block(
			jen.Id("a").Dot("dec").Dot("Reset").Call(jen.Id("obj")),
			jen.If(jen.Err().Op(":=").Id("a").Dot("in"+s.Type).Dot("decodeJSON").Call(jen.Op("&").Id("a").Dot("dec")),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.Err())),
			jen.Return(jen.Id("a").Dot("Route"+s.Type).Call(jen.Op("&").Id("a").Dot("in"+s.Type)), jen.Nil()),
		))
	}
	body := []jen.Code{jen.Return(jen.Lit(0), jen.Nil())}
	if len(cases) > 0 {
		body = []jen.Code{jen.Switch(jen.Id("stream")).Block(cases...), jen.Return(jen.Lit(0), jen.Nil())}
	}
	f.Comment("RouteJSON returns the routing hash of a JSON object event of stream: its")
	f.Comment("partition key's hash, or 0 for events that no partition keeps state for.")
	f.Func().Add(recv()).Id("RouteJSON").Params(jen.Id("stream").String(), jen.Id("obj").Index().Byte()).Params(jen.Uint64(), jen.Error()).Block(body...)
	f.Line()
}
