package expr

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// inList is x IN (v1, ...): true if some vi = x is true; else null if x or
// some vi is null; else false (§2.2).
func (b *Builder) inList(e *plan.InList) Value {
	x := b.reuse(b.Value(e.X))
	if x.AlwaysNull {
		return alwaysNull(types.Bool)
	}
	var hits []jen.Code
	var nullItem gx
	someAlwaysNull := false
	for _, it := range e.List {
		v := b.reuse(b.Value(it))
		if v.AlwaysNull {
			someAlwaysNull = true
			continue
		}
		hits = append(hits, and(notNull(v), binop(x.V, "==", v.V, precCmp)).c)
		nullItem = or(nullItem, v.Null)
	}
	if !x.Nullable() && nullItem.isNil() && !someAlwaysNull && len(hits) == 1 {
		return Value{T: types.Bool, V: primary(jen.Parens(hits[0])), size: 3}
	}
	res := b.newTemp()
	var cases []jen.Code
	if x.Nullable() {
		cases = append(cases, jen.Case(x.Null.c).Block(jen.Id(res+"Null").Op("=").True()))
	}
	if len(hits) > 0 {
		cases = append(cases, jen.Case(hits...).Block(jen.Id(res).Op("=").True()))
	}
	switch {
	case someAlwaysNull:
		cases = append(cases, jen.Default().Block(jen.Id(res+"Null").Op("=").True()))
	case !nullItem.isNil():
		cases = append(cases, jen.Case(nullItem.c).Block(jen.Id(res+"Null").Op("=").True()))
	}
	b.Emit(
		jen.Var().Id(res).Bool(),
		jen.Id(res+"Null").Op(":=").False(),
		jen.Switch().Block(cases...),
	)
	return Value{T: types.Bool, V: primary(jen.Id(res)), Null: primary(jen.Id(res + "Null")), size: 1}
}

// caseExpr is a searched CASE: the first arm whose condition is true; only
// that arm's value is computed.
func (b *Builder) caseExpr(e *plan.Case) Value {
	res := b.declare(e.T)
	b.caseArms(e.Whens, e.Else, res)
	return res
}

func (b *Builder) caseArms(whens []plan.When, els plan.Expr, res Value) {
	if len(whens) == 0 {
		if els != nil {
			b.assign(res, b.widen(b.Value(els), res.T))
		}
		return
	}
	c := b.cond(whens[0].Cond, true)
	switch {
	case c.isLit(false):
		b.caseArms(whens[1:], els, res)
		return
	case c.isLit(true):
		b.assign(res, b.widen(b.Value(whens[0].Val), res.T))
		return
	}
	then := b.block(func() { b.assign(res, b.widen(b.Value(whens[0].Val), res.T)) })
	rest := b.block(func() { b.caseArms(whens[1:], els, res) })
	b.emitIfElse(c, then, rest)
}

// emitIfElse emits if c {then} else {rest}, chaining `else if` when rest
// is a single if statement built here.
func (b *Builder) emitIfElse(c gx, then, rest []jen.Code) {
	st := jen.If(c.c).Block(then...)
	switch {
	case len(rest) == 1 && rest[0] == b.lastIf:
		st.Else().Add(rest[0])
	case len(rest) > 0:
		st.Else().Block(rest...)
	}
	b.lastIf = st
	b.Emit(st)
}

// widen converts a branch value to the result type if the checker left
// the (implicit) widening out.
func (b *Builder) widen(v Value, t types.Type) Value {
	if v.AlwaysNull || v.T == t || !v.T.IsNumeric() || !t.IsNumeric() {
		return v
	}
	v.V = primary(GoType(t).Call(floatConstTyped(v).c))
	v.T = t
	return v
}

// coalesce is the first non-null argument; later ones are computed only
// when needed.
func (b *Builder) coalesce(e *plan.Coalesce) Value {
	first := b.Value(e.Args[0])
	if !first.Nullable() {
		return b.widen(first, e.T)
	}
	res := b.declare(e.T)
	b.coalesceArms(first, e.Args[1:], res)
	return res
}

func (b *Builder) coalesceArms(v Value, rest []plan.Expr, res Value) {
	switch {
	case v.AlwaysNull:
	case !v.Nullable():
		b.assign(res, b.widen(v, res.T))
		return
	default:
		v = b.reuse(v)
		then := b.block(func() {
			known := v
			known.Null = gx{}
			b.assign(res, b.widen(known, res.T))
		})
		others := b.block(func() {
			if len(rest) > 0 {
				b.coalesceArms(b.Value(rest[0]), rest[1:], res)
			}
		})
		b.emitIfElse(not(v.Null), then, others)
		return
	}
	if len(rest) > 0 {
		b.coalesceArms(b.Value(rest[0]), rest[1:], res)
	}
}

// extreme is MAXIMUM/MINIMUM: the greatest/least non-null argument.
func (b *Builder) extreme(e *plan.Extreme) Value {
	res := b.declare(e.T)
	op := ">"
	if e.Min {
		op = "<"
	}
	for _, a := range e.Args {
		v := b.widen(b.reuse(b.Value(a)), e.T)
		if v.AlwaysNull {
			continue
		}
		better := or(res.Null, binop(v.V, op, res.V, precCmp))
		known := v
		known.Null = gx{}
		b.Emit(jen.If(and(notNull(v), better).c).Block(
			jen.List(res.V.c, res.Null.c).Op("=").List(known.V.c, jen.False()),
		))
	}
	return res
}
