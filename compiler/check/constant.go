package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// constScope is the scope of constant expressions: no sources, no aggregates.
var constScope = &scope{noAgg: "a constant expression"}

// constValue folds a checked expression made only of constants: literals,
// unary minus and arithmetic. ok is false for anything else.
func constValue(x plan.Expr) (*plan.Const, bool) {
	switch x := x.(type) {
	case *plan.Const:
		return x, true
	case *plan.Convert:
		k, ok := constValue(x.X)
		if !ok || k.IsNull || !x.T.IsNumeric() || !k.T.IsNumeric() {
			return nil, false
		}
		r := &plan.Const{Node: plan.Node{T: x.T, P: x.P}}
		switch {
		case x.T.IsInteger() && k.T.IsInteger():
			r.Int = k.Int
		case x.T.IsFloating() && k.T.IsInteger():
			r.Float = float64(k.Int)
		case x.T.IsFloating():
			r.Float = k.Float
		default:
			return nil, false
		}
		return r, true
	case *plan.Unary:
		k, ok := constValue(x.X)
		if !ok || k.IsNull || x.Op != plan.OpNeg {
			return nil, false
		}
		r := *k
		r.Int, r.Float, r.P = -k.Int, -k.Float, x.P
		return &r, true
	case *plan.Binary:
		l, ok1 := constValue(x.L)
		r, ok2 := constValue(x.R)
		if !ok1 || !ok2 || l.IsNull || r.IsNull || !x.Op.IsArith() || !x.T.IsInteger() {
			return nil, false
		}
		v := &plan.Const{Node: plan.Node{T: x.T, P: x.P}}
		switch x.Op {
		case plan.OpAdd:
			v.Int = l.Int + r.Int
		case plan.OpSub:
			v.Int = l.Int - r.Int
		case plan.OpMul:
			v.Int = l.Int * r.Int
		default:
			return nil, false
		}
		if x.T == types.Int {
			v.Int = int64(int32(v.Int))
		}
		return v, true
	}
	return nil, false
}

// constInt checks e as a constant INT/LONG expression (durations, counts).
func (c *checker) constInt(e syntax.Expr, what string) (int64, bool) {
	x := c.expr(e, constScope)
	if x.Type() == types.Invalid {
		return 0, false
	}
	k, ok := constValue(x)
	if !ok || !k.T.IsInteger() || k.IsNull {
		c.errorf(e.ExprPos(), diag.Type, "%s must be a constant INT or LONG (a duration in ms or a count), got %s", what, describeExpr(x))
		return 0, false
	}
	return k.Int, true
}

// describeExpr says what kind of value x is, for messages.
func describeExpr(x plan.Expr) string {
	if _, ok := constValue(x); ok {
		return "a constant " + x.Type().String()
	}
	if r, ok := x.(*plan.Ref); ok {
		return "attribute '" + r.Name + "'"
	}
	return "a non-constant " + x.Type().String() + " expression"
}

// isConstant reports whether x depends on nothing but literals: no
// attribute, clock, event time, aggregate, table or random value. Such an
// expression evaluates the same for every event (DEFAULT's second argument).
func isConstant(x plan.Expr) bool {
	ok := true
	plan.Inspect(x, func(e plan.Expr) bool {
		switch e := e.(type) {
		case *plan.Ref, *plan.OutRef, *plan.EventTime, *plan.Now, *plan.Agg, *plan.InTable:
			ok = false
		case *plan.Call:
			if e.Name == "UUID" {
				ok = false
			}
		}
		return ok
	})
	return ok
}
