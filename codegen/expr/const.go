package expr

import (
	"math"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// constant renders a literal as an untyped Go constant where one exists, so
// that `in.Price > 100.0` reads naturally; the type comes from the other
// operand or from the declaration it is assigned to.
func constant(c *plan.Const) Value {
	if c.IsNull || c.T == types.Null {
		return alwaysNull(c.T)
	}
	v := Value{T: c.T, Const: true, size: 1}
	switch c.T {
	case types.Int, types.Long:
		v.V = number(strconv.FormatInt(c.Int, 10))
		v.isZero = c.Int == 0
	case types.Float, types.Double:
		return floatConst(c.T, c.Float)
	case types.String:
		v.V = primary(jen.Lit(c.Str))
	case types.Bool:
		v.V = boolLit(c.Bool)
	default:
		panic("codegen: constant of type " + c.T.String())
	}
	return v
}

func number(text string) gx {
	p := precPrimary
	if strings.HasPrefix(text, "-") {
		p = precUnary
	}
	return gx{c: jen.Id(text), prec: p}
}

// floatConst renders a FLOAT or DOUBLE constant. NaN, the infinities and
// -0.0 have no Go constant form and become calls (no longer constants).
func floatConst(t types.Type, f float64) Value {
	bits := 64
	if t == types.Float {
		bits = 32
	}
	var call *jen.Statement
	switch {
	case math.IsNaN(f):
		call = jen.Qual("math", "NaN").Call()
	case math.IsInf(f, 0):
		call = jen.Qual("math", "Inf").Call(jen.Lit(sign(f)))
	case f == 0 && math.Signbit(f):
		call = jen.Qual("math", "Copysign").Call(jen.Lit(0), jen.Lit(-1))
	}
	if call != nil {
		if t == types.Float {
			call = jen.Float32().Call(call)
		}
		return Value{T: t, V: primary(call), size: 1, isZero: f == 0}
	}
	text := strconv.FormatFloat(f, 'g', -1, bits)
	if !strings.ContainsAny(text, ".e") {
		text += ".0"
	}
	return Value{T: t, V: number(text), Const: true, size: 1, isZero: f == 0}
}

func sign(f float64) int {
	if f < 0 {
		return -1
	}
	return 1
}
