package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// genOrder emits the ORDER BY sorter of the output chunk (§6.5) and returns
// the statements of End that sort: a stable sort per maximal run of rows
// with the same tag, nulls last in both directions.
func (g *qgen) genOrder() []jen.Code { return g.genOrderFrom(nil) }

// genOrderFrom sorts the rows from the variable lo0 (nil: 0) to the end of
// the output chunk.
func (g *qgen) genOrderFrom(lo0 jen.Code) []jen.Code {
	q := g.q
	t := q.name("Order")
	g.field("Order", jen.Id(t), "sorts runs of the output chunk")
	g.init(q.f("Order").Dot("a").Op("=").Id("a"))
	var less []jen.Code
	for _, o := range q.plan.OrderBy {
		if _, ok := o.Expr.(*plan.OutRef); ok {
			less = []jen.Code{
				jen.List(jen.Id("x"), jen.Id("y")).Op(":=").List(
					jen.Op("&").Id("s").Dot("a").Dot(q.name("Out")).Dot("Ev").Index(jen.Id("s").Dot("lo").Op("+").Id("i")),
					jen.Op("&").Id("s").Dot("a").Dot(q.name("Out")).Dot("Ev").Index(jen.Id("s").Dot("lo").Op("+").Id("j"))),
			}
			break
		}
	}
	if q.sortKeys {
		sk := func(i string) *jen.Statement {
			return jen.Op("&").Id("s").Dot("a").Dot(q.name("Sort")).Index(jen.Id("s").Dot("lo").Op("+").Id(i))
		}
		less = append(less, jen.List(jen.Id("xs"), jen.Id("ys")).Op(":=").List(sk("i"), sk("j")))
	}
	for k, o := range q.plan.OrderBy {
		var x, y, xNull, yNull *jen.Statement
		var typ types.Type
		if ref, ok := o.Expr.(*plan.OutRef); ok {
			c := ref.Col
			f := q.out.Fields[c]
			x, y = jen.Id("x").Dot(f), jen.Id("y").Dot(f)
			xNull, yNull = jen.Id("x").Dot("Null").Dot("Is").Call(jen.Lit(c)), jen.Id("y").Dot("Null").Dot("Is").Call(jen.Lit(c))
			typ = q.out.plan.Attrs[c].Type
		} else {
			f := keyField(k)
			x, y = jen.Id("xs").Dot(f), jen.Id("ys").Dot(f)
			xNull, yNull = jen.Id("xs").Dot(f+"Null"), jen.Id("ys").Dot(f+"Null")
			typ = o.Expr.Type()
		}
		var lt jen.Code
		switch {
		case typ == types.Bool && o.Desc:
			lt = jen.Add(x).Op("&&").Op("!").Add(y)
		case typ == types.Bool:
			lt = jen.Op("!").Add(x).Op("&&").Add(y)
		case o.Desc:
			lt = jen.Add(x).Op(">").Add(y)
		default:
			lt = jen.Add(x).Op("<").Add(y)
		}
		less = append(less,
			jen.If(
				jen.List(jen.Id("xn"), jen.Id("yn")).Op(":=").List(xNull, yNull),
				jen.Id("xn").Op("!=").Id("yn"),
			).Block(jen.Return(jen.Id("yn")).Comment("null sorts last")).Else().If(
				jen.Op("!").Id("xn").Op("&&").Add(x.Clone()).Op("!=").Add(y.Clone()),
			).Block(jen.Return(lt)),
		)
	}
	less = append(less, jen.Return(jen.False()))
	swap := []jen.Code{
		jen.List(jen.Id("i"), jen.Id("j")).Op("=").List(jen.Id("s").Dot("lo").Op("+").Id("i"), jen.Id("s").Dot("lo").Op("+").Id("j")),
		jen.Id("o").Op(":=").Op("&").Id("s").Dot("a").Dot(q.name("Out")),
		jen.List(jen.Id("o").Dot("Ev").Index(jen.Id("i")), jen.Id("o").Dot("Ev").Index(jen.Id("j"))).Op("=").List(
			jen.Id("o").Dot("Ev").Index(jen.Id("j")), jen.Id("o").Dot("Ev").Index(jen.Id("i"))),
		jen.List(jen.Id("o").Dot("TS").Index(jen.Id("i")), jen.Id("o").Dot("TS").Index(jen.Id("j"))).Op("=").List(
			jen.Id("o").Dot("TS").Index(jen.Id("j")), jen.Id("o").Dot("TS").Index(jen.Id("i"))),
	}
	if q.sortKeys {
		k := jen.Id("s").Dot("a").Dot(q.name("Sort"))
		swap = append(swap, jen.List(k.Clone().Index(jen.Id("i")), k.Clone().Index(jen.Id("j"))).Op("=").List(
			k.Clone().Index(jen.Id("j")), k.Clone().Index(jen.Id("i"))))
	}
	if q.rowSeqs {
		k := jen.Id("s").Dot("a").Dot(q.name("Seqs"))
		swap = append(swap, jen.List(k.Clone().Index(jen.Id("i")), k.Clone().Index(jen.Id("j"))).Op("=").List(
			k.Clone().Index(jen.Id("j")), k.Clone().Index(jen.Id("i"))))
	}
	if q.rowKeys {
		k := jen.Id("s").Dot("a").Dot(q.name("Keys"))
		swap = append(swap, jen.List(k.Clone().Index(jen.Id("i")), k.Clone().Index(jen.Id("j"))).Op("=").List(
			k.Clone().Index(jen.Id("j")), k.Clone().Index(jen.Id("i"))))
	}
	recvS := jen.Params(jen.Id("s").Op("*").Id(t))
	g.decl([]string{t + " sorts the rows [lo, lo+n) of " + q.Method + "'s output chunk by its ORDER BY (sort.Interface)."},
		jen.Type().Id(t).Struct(jen.Id("a").Op("*").Id(g.recvType()), jen.List(jen.Id("lo"), jen.Id("n")).Int()))
	g.decls = append(g.decls,
		jen.Func().Add(recvS).Id("Len").Params().Int().Block(jen.Return(jen.Id("s").Dot("n"))), jen.Line(),
		jen.Func().Add(recvS.Clone()).Id("Less").Params(jen.List(jen.Id("i"), jen.Id("j")).Int()).Bool().Block(less...), jen.Line(),
		jen.Func().Add(recvS.Clone()).Id("Swap").Params(jen.List(jen.Id("i"), jen.Id("j")).Int()).Block(swap...), jen.Line(),
	)
	run := func(lo, hi jen.Code) jen.Code {
		return jen.Block(
			jen.List(q.f("Order").Dot("lo"), q.f("Order").Dot("n")).Op("=").List(lo, hi),
			jen.Qual("sort", "Stable").Call(jen.Op("&").Add(q.f("Order"))),
		)
	}
	n := q.f("Out").Dot("Len").Call()
	if !q.tags {
		if lo0 == nil {
			return []jen.Code{jen.Comment("ORDER BY"), run(jen.Lit(0), n)}
		}
		return []jen.Code{jen.Comment("ORDER BY"), run(lo0, jen.Add(n).Op("-").Add(lo0))}
	}
	var start jen.Code = jen.Lit(0)
	if lo0 != nil {
		start = lo0
	}
	tags := func(i string) *jen.Statement { return q.f("Tags").Index(jen.Id(i)) }
	return []jen.Code{
		jen.Comment("ORDER BY, per run of rows with the same tag (current/expired)"),
		jen.For(jen.Id("lo").Op(":=").Add(start), jen.Id("lo").Op("<").Add(n), jen.Empty()).Block(
			jen.Id("hi").Op(":=").Id("lo").Op("+").Lit(1),
			jen.For(jen.Id("hi").Op("<").Add(n.Clone()).Op("&&").Add(tags("hi")).Op("==").Add(tags("lo"))).Block(jen.Id("hi").Op("++")),
			jen.List(q.f("Order").Dot("lo"), q.f("Order").Dot("n")).Op("=").List(jen.Id("lo"), jen.Id("hi").Op("-").Id("lo")),
			jen.Qual("sort", "Stable").Call(jen.Op("&").Add(q.f("Order"))),
			jen.Id("lo").Op("=").Id("hi"),
		),
	}
}

// genSortKey declares the sort key of a row: the ORDER BY items that are
// source attributes rather than output columns (§6.5), field K<i> for item
// i, read from the event that produced the row.
func (g *qgen) genSortKey() {
	q := g.q
	fields := []jen.Code{}
	for k, o := range q.plan.OrderBy {
		if _, ok := o.Expr.(*plan.OutRef); ok {
			continue
		}
		fields = append(fields, jen.Id(keyField(k)).Add(expr.GoType(o.Expr.Type())), jen.Id(keyField(k)+"Null").Bool())
	}
	g.decl([]string{q.name("SortKey") + " holds the ORDER BY values of a row of " + q.Method + " that are not output columns."},
		jen.Type().Id(q.name("SortKey")).Struct(fields...))
	g.field("Sort", jen.Index().Id(q.name("SortKey")), "per output row: its ORDER BY values that are not columns")
}

// putSortKey stores, into b, the sort key of the row at index idx.
func (g *qgen) putSortKey(b *expr.Builder, idx jen.Code) {
	q := g.q
	b.Emit(jen.Var().Id("sk").Id(q.name("SortKey")))
	for k, o := range q.plan.OrderBy {
		if _, ok := o.Expr.(*plan.OutRef); ok {
			continue
		}
		v := b.Value(o.Expr)
		f := keyField(k)
		if v.AlwaysNull {
			b.Emit(jen.Id("sk").Dot(f + "Null").Op("=").True())
			continue
		}
		if v.Nullable() {
			v = b.Reuse(v)
			b.Emit(jen.If(v.NullCode()).Block(jen.Id("sk").Dot(f + "Null").Op("=").True()).Else().Block(
				jen.Id("sk").Dot(f).Op("=").Add(v.Code())))
		} else {
			b.Emit(jen.Id("sk").Dot(f).Op("=").Add(v.Code()))
		}
	}
	b.Emit(q.f("Sort").Op("=").Qual(rtPath, "Put").Call(q.f("Sort"), idx, jen.Id("sk")))
}
