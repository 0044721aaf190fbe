package expr

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

func (b *Builder) call(e *plan.Call) Value {
	args := make([]Value, len(e.Args))
	for i, a := range e.Args {
		args[i] = b.Value(a)
	}
	// Variadic calls need no special form: the arguments are listed.
	return b.stdlibCall(e.Func, args, e.T, e.Partial)
}

func (b *Builder) like(e *plan.Like) Value {
	return b.stdlibCall("Like", []Value{b.Value(e.X), b.Value(e.Pattern)}, types.Bool, false)
}

// convert is an implicit widening (a Go conversion) or CAST/CONVERT (a
// stdlib.Cast<From>To<To> call; from STRING to a number it may fail: null).
func (b *Builder) convert(e *plan.Convert) Value {
	x := b.Value(e.X)
	switch {
	case x.AlwaysNull || x.T == types.Null:
		return alwaysNull(e.T)
	case x.T == e.T:
		return x
	case !e.Explicit:
		x.V = primary(GoType(e.T).Call(floatConstTyped(x).c))
		x.T = e.T
		x.mul = false
		return x
	}
	partial := x.T == types.String && e.T.IsNumeric()
	return b.stdlibCall("Cast"+typeWord(x.T)+"To"+typeWord(e.T), []Value{x}, e.T, partial)
}

// floatConstTyped gives a FLOAT constant its binary32 value before a
// widening: an untyped Go constant 0.1 converted to float64 would be the
// DOUBLE 0.1, not the FLOAT 0.1F (§2.4).
func floatConstTyped(x Value) gx {
	if x.Const && x.T == types.Float {
		return primary(jen.Float32().Call(x.V.c))
	}
	return x.V
}

func typeWord(t types.Type) string {
	switch t {
	case types.Int:
		return "Int"
	case types.Long:
		return "Long"
	case types.Float:
		return "Float"
	case types.Double:
		return "Double"
	case types.String:
		return "String"
	case types.Bool:
		return "Bool"
	}
	panic("codegen: no conversion for " + t.String())
}

// stdlibCall calls stdlib.fn only when every argument is non-null (a null
// argument makes the result null, §13); a partial function's !ok is null.
func (b *Builder) stdlibCall(fn string, args []Value, t types.Type, partial bool) Value {
	var null gx
	codes := make([]jen.Code, len(args))
	for i, a := range args {
		if a.AlwaysNull {
			return alwaysNull(t)
		}
		null = or(null, a.Null)
		codes[i] = a.V.c
	}
	call := jen.Qual(StdlibPath, fn).Call(codes...)
	if !partial && null.isNil() {
		return Value{T: t, V: primary(call), size: 4}
	}
	res := b.newTemp()
	v := primary(jen.Id(res))
	switch {
	case !partial:
		b.Emit(
			jen.Var().Id(res).Add(GoType(t)),
			jen.Id(res+"Null").Op(":=").Add(null.c),
			jen.If(jen.Op("!").Id(res+"Null")).Block(jen.Id(res).Op("=").Add(call)),
		)
		return Value{T: t, V: v, Null: primary(jen.Id(res + "Null")), size: 1}
	case null.isNil():
		b.Emit(jen.List(jen.Id(res), jen.Id(res+"Ok")).Op(":=").Add(call))
	default:
		b.Emit(
			jen.Var().Id(res).Add(GoType(t)),
			jen.Var().Id(res+"Ok").Bool(),
			jen.If(not(null).c).Block(jen.List(jen.Id(res), jen.Id(res+"Ok")).Op("=").Add(call)),
		)
	}
	ok := primary(jen.Id(res + "Ok"))
	return Value{T: t, V: v, Null: not(ok), size: 1}
}
