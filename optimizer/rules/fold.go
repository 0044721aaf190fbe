package rules

import (
	"math"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// FoldConstants evaluates operators whose operands are all constants, and
// simplifies AND/OR/NOT with a constant operand. It is exact: constants are
// computed with the run-time rules of LANGUAGE.md §2 (wrapping integer
// arithmetic in the operand type, float32 rounding, division by zero ⇒
// null, Kleene logic), and `true AND x` keeps x, so unknown stays unknown.
// Functions are never folded (UUID is not deterministic; the rest are left
// to the generated code).
var FoldConstants = Rule{Name: "fold-constants", Apply: func(app *plan.App) int {
	n := 0
	plan.RewriteExprs(app, func(x plan.Expr) plan.Expr {
		return plan.Rewrite(x, func(e plan.Expr) plan.Expr {
			if r := fold(e); r != nil {
				n++
				return r
			}
			return e
		})
	})
	return n
}}

func constOf(x plan.Expr) (*plan.Const, bool) {
	k, ok := x.(*plan.Const)
	return k, ok && k.T != types.Invalid
}

func nullOf(t types.Type, e plan.Expr) *plan.Const {
	return &plan.Const{Node: plan.Node{T: t, P: e.Pos()}, IsNull: true}
}

func boolOf(v bool, e plan.Expr) *plan.Const {
	return &plan.Const{Node: plan.Node{T: types.Bool, P: e.Pos()}, Bool: v}
}

// fold returns the folded replacement of e, or nil.
func fold(e plan.Expr) plan.Expr {
	switch e := e.(type) {
	case *plan.Binary:
		if e.Op == plan.OpAnd || e.Op == plan.OpOr {
			return foldLogic(e)
		}
		l, ok1 := constOf(e.L)
		r, ok2 := constOf(e.R)
		if !ok1 || !ok2 {
			return nil
		}
		if l.IsNull || r.IsNull {
			return nullOf(e.T, e)
		}
		if e.Op.IsArith() {
			return foldArith(e, l, r)
		}
		return foldCompare(e, l, r)
	case *plan.Unary:
		k, ok := constOf(e.X)
		if !ok {
			return nil
		}
		if k.IsNull {
			return nullOf(e.T, e)
		}
		if e.Op == plan.OpNot {
			return boolOf(!k.Bool, e)
		}
		res := &plan.Const{Node: plan.Node{T: e.T, P: e.P}}
		switch e.T {
		case types.Int:
			res.Int = int64(-int32(k.Int))
		case types.Long:
			res.Int = -k.Int
		case types.Float:
			res.Float = float64(-float32(k.Float))
		default:
			res.Float = -k.Float
		}
		return res
	case *plan.Convert:
		k, ok := constOf(e.X)
		if !ok || e.Explicit || !e.T.IsNumeric() || !k.T.IsNumeric() {
			return nil
		}
		if k.IsNull {
			return nullOf(e.T, e)
		}
		res := &plan.Const{Node: plan.Node{T: e.T, P: e.P}}
		switch {
		case e.T.IsInteger():
			res.Int = k.Int // widening INT→LONG keeps the value
		case k.T.IsInteger() && e.T == types.Float:
			res.Float = float64(float32(k.Int))
		case k.T.IsInteger():
			res.Float = float64(k.Int)
		default:
			res.Float = k.Float // FLOAT→DOUBLE is exact
		}
		return res
	case *plan.IsNull:
		k, ok := constOf(e.X)
		if !ok {
			return nil
		}
		return boolOf(k.IsNull != e.Not, e)
	}
	return nil
}

// foldLogic applies Kleene identities: false AND x = false, true AND x = x,
// true OR x = true, false OR x = x, null op null = null.
func foldLogic(e *plan.Binary) plan.Expr {
	l, lok := constOf(e.L)
	r, rok := constOf(e.R)
	absorb := e.Op == plan.OpOr // the value that decides the result
	for _, side := range []struct {
		k     *plan.Const
		ok    bool
		other plan.Expr
	}{{l, lok, e.R}, {r, rok, e.L}} {
		if !side.ok || side.k.IsNull {
			continue
		}
		if side.k.Bool == absorb {
			return boolOf(absorb, e)
		}
		return side.other
	}
	if lok && rok { // both null
		return nullOf(types.Bool, e)
	}
	return nil
}

func foldArith(e *plan.Binary, l, r *plan.Const) plan.Expr {
	res := &plan.Const{Node: plan.Node{T: e.T, P: e.P}}
	div := e.Op == plan.OpDiv || e.Op == plan.OpMod
	switch e.T {
	case types.Int, types.Long:
		if div && r.Int == 0 {
			return nullOf(e.T, e)
		}
		if e.T == types.Int {
			res.Int = int64(intOp(e.Op, int32(l.Int), int32(r.Int)))
		} else {
			res.Int = intOp(e.Op, l.Int, r.Int)
		}
	case types.Float, types.Double:
		if div && r.Float == 0 {
			return nullOf(e.T, e)
		}
		if e.T == types.Float {
			res.Float = float64(floatOp(e.Op, float32(l.Float), float32(r.Float)))
		} else {
			res.Float = floatOp(e.Op, l.Float, r.Float)
		}
	default:
		return nil
	}
	return res
}

// intOp computes x op y in the operand type, wrapping on overflow (§2.3).
// The divisor of / and % is non-zero.
func intOp[T int32 | int64](op plan.Op, x, y T) T {
	switch op {
	case plan.OpAdd:
		return x + y
	case plan.OpSub:
		return x - y
	case plan.OpMul:
		return x * y
	case plan.OpDiv:
		return x / y
	}
	return x % y
}

// floatOp computes x op y rounded to the operand type; % is IEEE fmod.
func floatOp[T float32 | float64](op plan.Op, x, y T) T {
	switch op {
	case plan.OpAdd:
		return x + y
	case plan.OpSub:
		return x - y
	case plan.OpMul:
		return x * y
	case plan.OpDiv:
		return x / y
	}
	return T(math.Mod(float64(x), float64(y)))
}

func foldCompare(e *plan.Binary, l, r *plan.Const) plan.Expr {
	var c int
	switch t := l.T; {
	case t.IsInteger():
		c = cmp3(l.Int < r.Int, l.Int > r.Int)
	case t.IsFloating():
		if math.IsNaN(l.Float) || math.IsNaN(r.Float) {
			return nil // leave NaN ordering to the generated code
		}
		c = cmp3(l.Float < r.Float, l.Float > r.Float)
	case t == types.String:
		c = cmp3(l.Str < r.Str, l.Str > r.Str)
	case t == types.Bool:
		c = cmp3(!l.Bool && r.Bool, l.Bool && !r.Bool)
	default:
		return nil
	}
	var v bool
	switch e.Op {
	case plan.OpEq:
		v = c == 0
	case plan.OpNe:
		v = c != 0
	case plan.OpLt:
		v = c < 0
	case plan.OpLe:
		v = c <= 0
	case plan.OpGt:
		v = c > 0
	case plan.OpGe:
		v = c >= 0
	default:
		return nil
	}
	return boolOf(v, e)
}

func cmp3(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}
