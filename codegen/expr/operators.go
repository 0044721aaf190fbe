package expr

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

var goOps = map[plan.Op]struct {
	op   string
	prec int
}{
	plan.OpAdd: {"+", precAdd}, plan.OpSub: {"-", precAdd},
	plan.OpMul: {"*", precMul}, plan.OpDiv: {"/", precMul}, plan.OpMod: {"%", precMul},
	plan.OpEq: {"==", precCmp}, plan.OpNe: {"!=", precCmp},
	plan.OpLt: {"<", precCmp}, plan.OpLe: {"<=", precCmp},
	plan.OpGt: {">", precCmp}, plan.OpGe: {">=", precCmp},
}

func (b *Builder) binary(e *plan.Binary) Value {
	switch {
	case e.Op == plan.OpAnd || e.Op == plan.OpOr:
		return b.logic(e)
	case e.Op.IsComparison():
		return b.compare(e)
	}
	return b.arith(e)
}

// arith is + - * / %: Go's fixed-size integers wrap as §2.3 asks; division
// and modulo by zero are null and never executed.
func (b *Builder) arith(e *plan.Binary) Value {
	l, r := b.Value(e.L), b.Value(e.R)
	isDiv := e.Op == plan.OpDiv || e.Op == plan.OpMod
	if l.AlwaysNull || r.AlwaysNull || isDiv && r.isZero {
		return alwaysNull(e.T)
	}
	if l.Const && r.Const {
		// Go would fold (and range-check) a constant expression.
		l = b.temp(l)
	}
	if isDiv {
		return b.divide(e, l, r)
	}
	lx, rx := l.V, r.V
	if e.T.IsFloating() {
		// An explicit conversion forbids fusing x*y+z into one FMA.
		if l.mul {
			lx = primary(GoType(e.T).Call(lx.c))
		}
		if r.mul {
			rx = primary(GoType(e.T).Call(rx.c))
		}
	}
	op := goOps[e.Op]
	return Value{
		T:    e.T,
		V:    binop(lx, op.op, rx, op.prec),
		Null: or(l.Null, r.Null),
		size: l.size + r.size + 1,
		mul:  e.Op == plan.OpMul && e.T.IsFloating(),
	}
}

// divide guards / and % against a zero divisor (null result, §2.3).
func (b *Builder) divide(e *plan.Binary, l, r Value) Value {
	if r.isZero {
		return alwaysNull(e.T)
	}
	null := or(l.Null, r.Null)
	if !r.Const {
		r = b.reuse(r)
		null = or(null, binop(r.V, "==", number("0"), precCmp))
	}
	var v gx
	switch {
	case e.Op == plan.OpDiv || e.T.IsInteger():
		op := goOps[e.Op]
		v = binop(l.V, op.op, r.V, op.prec)
	case e.T == types.Double:
		v = primary(jen.Qual("math", "Mod").Call(l.V.c, r.V.c))
	default: // FLOAT: fmod is exact, so going through float64 changes nothing
		v = primary(jen.Float32().Call(jen.Qual("math", "Mod").Call(
			jen.Float64().Call(l.V.c), jen.Float64().Call(r.V.c))))
	}
	if r.Const {
		return Value{T: e.T, V: v, Null: null, size: l.size + 2}
	}
	res := b.newTemp()
	b.Emit(
		jen.Var().Id(res).Add(GoType(e.T)),
		jen.Id(res+"Null").Op(":=").Add(null.c),
		jen.If(jen.Op("!").Id(res+"Null")).Block(jen.Id(res).Op("=").Add(v.c)),
	)
	return Value{T: e.T, V: primary(jen.Id(res)), Null: primary(jen.Id(res + "Null")), size: 1}
}

// compare is = != < <= > >=: null when an operand is null (§2.2). Go
// orders strings by bytes, which for UTF-8 is code point order (§2.4).
func (b *Builder) compare(e *plan.Binary) Value {
	l, r := b.Value(e.L), b.Value(e.R)
	if l.AlwaysNull || r.AlwaysNull {
		return alwaysNull(types.Bool)
	}
	op := goOps[e.Op]
	return Value{
		T:     types.Bool,
		V:     binop(l.V, op.op, r.V, op.prec),
		Null:  or(l.Null, r.Null),
		Const: l.Const && r.Const,
		size:  l.size + r.size + 1,
	}
}

// logic is Kleene AND/OR in a value position (a SELECT column).
func (b *Builder) logic(e *plan.Binary) Value {
	l, r := b.reuse(b.Value(e.L)), b.reuse(b.Value(e.R))
	isAnd := e.Op == plan.OpAnd
	if !l.Nullable() && !r.Nullable() {
		if isAnd {
			return Value{T: types.Bool, V: and(l.V, r.V), size: l.size + r.size + 1}
		}
		return Value{T: types.Bool, V: or(l.V, r.V), size: l.size + r.size + 1}
	}
	// The value is true when it is known true, null unless known false.
	var isTrue, isFalse gx
	if isAnd {
		isTrue = and(truth(l, true), truth(r, true))
		isFalse = or(truth(l, false), truth(r, false))
	} else {
		isTrue = or(truth(l, true), truth(r, true))
		isFalse = and(truth(l, false), truth(r, false))
	}
	name := b.newTemp()
	v := primary(jen.Id(name))
	b.Emit(
		jen.Id(name).Op(":=").Add(isTrue.c),
		jen.Id(name+"Null").Op(":=").Add(and(not(v), not(isFalse)).c),
	)
	return Value{T: types.Bool, V: v, Null: primary(jen.Id(name + "Null")), size: 1}
}

func (b *Builder) unary(e *plan.Unary) Value {
	x := b.Value(e.X)
	if x.AlwaysNull {
		return alwaysNull(e.T)
	}
	if e.Op == plan.OpNot {
		return Value{T: e.T, V: not(x.V), Null: x.Null, Const: x.Const, size: x.size + 1}
	}
	if x.Const {
		x = b.temp(x) // -(-2147483648) must wrap, not fail to compile
	}
	return Value{
		T:    e.T,
		V:    gx{c: jen.Op("-").Add(x.V.at(precPrimary)), prec: precUnary},
		Null: x.Null,
		size: x.size + 1,
	}
}

func (b *Builder) isNull(e *plan.IsNull) Value {
	before := b.ntemp
	x := b.Value(e.X)
	if b.ntemp != before && !x.AlwaysNull {
		// Only the null flag is read; keep the temporaries used.
		b.Emit(jen.Id("_").Op("=").Add(x.V.c))
	}
	var v gx
	switch {
	case x.AlwaysNull:
		v = boolLit(!e.Not)
	case x.Null.isNil():
		v = boolLit(e.Not)
	case e.Not:
		v = not(x.Null)
	default:
		v = x.Null
	}
	return Value{T: types.Bool, V: v, size: x.size + 1}
}

// cond returns a Go condition that holds when e is non-null and equals
// want. AND, OR and NOT distribute, so `a > 1 AND b < 2` in a WHERE becomes
// one short-circuit condition instead of Kleene temporaries.
func (b *Builder) cond(e plan.Expr, want bool) gx {
	switch e := e.(type) {
	case *plan.Binary:
		switch {
		case e.Op == plan.OpAnd && want, e.Op == plan.OpOr && !want:
			return and(b.cond(e.L, want), b.cond(e.R, want))
		case e.Op == plan.OpOr && want, e.Op == plan.OpAnd && !want:
			return or(b.cond(e.L, want), b.cond(e.R, want))
		}
	case *plan.Unary:
		if e.Op == plan.OpNot {
			return b.cond(e.X, !want)
		}
	}
	return truth(b.Value(e), want)
}
