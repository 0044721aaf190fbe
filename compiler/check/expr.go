package check

import (
	"math"
	"strings"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// invalid is the result of an expression that failed to check; its type
// suppresses follow-on errors.
func invalid(pos source.Pos) plan.Expr {
	return &plan.Const{Node: plan.Node{T: types.Invalid, P: pos}, IsNull: true}
}

// expr checks e in scope s and returns its typed plan expression.
func (c *checker) expr(e syntax.Expr, s *scope) plan.Expr {
	switch e := e.(type) {
	case *syntax.Literal:
		return c.literal(e)
	case *syntax.Paren:
		return c.expr(e.X, s)
	case *syntax.Name:
		return c.name(e, s)
	case *syntax.Qualified:
		return c.qualified(e, s)
	case *syntax.QualifiedStar:
		c.errorf(e.Pos, diag.Syntax, "'%s.*' is allowed only as a SELECT item", e.Qual)
		return invalid(e.Pos)
	case *syntax.Binary:
		return c.binary(e, s)
	case *syntax.Unary:
		return c.unary(e, s)
	case *syntax.IsNull:
		x := c.expr(e.X, s)
		return &plan.IsNull{Node: plan.Node{T: types.Bool, P: e.Pos}, X: x, Not: e.Not}
	case *syntax.In:
		return c.in(e, s)
	case *syntax.Between:
		return c.between(e, s)
	case *syntax.Like:
		return c.like(e, s)
	case *syntax.Call:
		return c.call(e, s)
	case *syntax.Case:
		return c.caseExpr(e, s)
	case *syntax.Cast:
		x := c.expr(e.X, s)
		t, ok := types.Parse(e.Type.Name)
		if !ok {
			c.errorf(e.Type.Pos, diag.Type, "unknown type %s in CAST", e.Type.Name)
			return invalid(e.Pos)
		}
		return convert(x, t, e.Pos)
	}
	c.errorf(e.ExprPos(), diag.Internal, "unexpected expression %T", e)
	return invalid(e.ExprPos())
}

func (c *checker) literal(e *syntax.Literal) plan.Expr {
	k := &plan.Const{Node: plan.Node{P: e.Pos}}
	switch e.Kind {
	case syntax.LitInt:
		k.T, k.Int = types.Int, e.Int
		if e.Int > math.MaxInt32 || e.Int < math.MinInt32 {
			k.T = types.Long
		}
	case syntax.LitLong, syntax.LitTime:
		k.T, k.Int = types.Long, e.Int
	case syntax.LitDouble:
		k.T, k.Float = types.Double, e.Float
	case syntax.LitFloat:
		k.T, k.Float = types.Float, float64(float32(e.Float))
	case syntax.LitString:
		k.T, k.Str = types.String, e.Str
	case syntax.LitBool:
		k.T, k.Bool = types.Bool, e.Bool
	case syntax.LitNull:
		k.T, k.IsNull = types.Null, true
	}
	return k
}

// coerce converts x to t (t a type that x's type widens to). The NULL
// literal becomes a typed null; numerics get an implicit Convert.
func coerce(x plan.Expr, t types.Type) plan.Expr {
	xt := x.Type()
	switch {
	case xt == t || t == types.Invalid || t == types.Null || xt == types.Invalid:
		return x
	case xt == types.Null:
		return &plan.Const{Node: plan.Node{T: t, P: x.Pos()}, IsNull: true}
	}
	return &plan.Convert{Node: plan.Node{T: t, P: x.Pos()}, X: x}
}

// convert is an explicit CAST/CONVERT of x to t.
func convert(x plan.Expr, t types.Type, pos source.Pos) plan.Expr {
	switch x.Type() {
	case t, types.Invalid:
		return x
	case types.Null:
		return &plan.Const{Node: plan.Node{T: t, P: pos}, IsNull: true}
	}
	return &plan.Convert{Node: plan.Node{T: t, P: pos}, X: x, Explicit: true}
}

var binaryOps = map[string]plan.Op{
	"+": plan.OpAdd, "-": plan.OpSub, "*": plan.OpMul, "/": plan.OpDiv, "%": plan.OpMod,
	"=": plan.OpEq, "==": plan.OpEq, "!=": plan.OpNe, "<>": plan.OpNe, "<": plan.OpLt,
	"<=": plan.OpLe, ">": plan.OpGt, ">=": plan.OpGe,
}

func (c *checker) binary(e *syntax.Binary, s *scope) plan.Expr {
	l, r := c.expr(e.L, s), c.expr(e.R, s)
	op := strings.ToUpper(e.Op)
	switch op {
	case "AND", "OR":
		return c.logical(op, l, r, e.Pos)
	}
	o, ok := binaryOps[op]
	if !ok {
		c.errorf(e.Pos, diag.Syntax, "unknown operator %s", e.Op)
		return invalid(e.Pos)
	}
	if o.IsArith() {
		return c.arith(o, l, r, e.Pos)
	}
	return c.compare(o, l, r, e.Pos)
}

func (c *checker) arith(o plan.Op, l, r plan.Expr, pos source.Pos) plan.Expr {
	lt, rt := l.Type(), r.Type()
	if (!lt.IsNumeric() && lt != types.Null && lt != types.Invalid) || (!rt.IsNumeric() && rt != types.Null && rt != types.Invalid) {
		c.errorf(pos, diag.Type, "operator %s needs numeric operands, got %s and %s", o, lt, rt)
		return invalid(pos)
	}
	t, _ := types.Common(lt, rt)
	if t == types.Null {
		t = types.Int // NULL + NULL: a null of the narrowest numeric type
	}
	return &plan.Binary{Node: plan.Node{T: t, P: pos}, Op: o, L: coerce(l, t), R: coerce(r, t)}
}

func (c *checker) compare(o plan.Op, l, r plan.Expr, pos source.Pos) plan.Expr {
	lt, rt := l.Type(), r.Type()
	ordered := o >= plan.OpLt
	if !types.Comparable(lt, rt, ordered) {
		if lt == rt {
			c.errorf(pos, diag.Type, "operator %s is not defined on %s", o, lt)
		} else {
			c.errorf(pos, diag.Type, "cannot compare %s with %s", lt, rt)
		}
		return invalid(pos)
	}
	t, _ := types.Common(lt, rt)
	return &plan.Binary{Node: plan.Node{T: types.Bool, P: pos}, Op: o, L: coerce(l, t), R: coerce(r, t)}
}

func (c *checker) logical(op string, l, r plan.Expr, pos source.Pos) plan.Expr {
	c.wantBool(l, "operator "+op)
	c.wantBool(r, "operator "+op)
	o := plan.OpAnd
	if op == "OR" {
		o = plan.OpOr
	}
	return &plan.Binary{Node: plan.Node{T: types.Bool, P: pos}, Op: o,
		L: coerce(l, types.Bool), R: coerce(r, types.Bool)}
}

// condition checks e as a filtering condition (WHERE, HAVING, ON, ...):
// it must be BOOL; what names it in the error.
func (c *checker) condition(e syntax.Expr, s *scope, what string) plan.Expr {
	x := c.expr(e, s)
	c.wantBool(x, what)
	return coerce(x, types.Bool)
}

// wantBool reports an error unless x is BOOL (or NULL); what names the
// position ("WHERE condition", "operator AND", ...).
func (c *checker) wantBool(x plan.Expr, what string) bool {
	switch x.Type() {
	case types.Bool, types.Null, types.Invalid:
		return true
	}
	c.errorf(x.Pos(), diag.Type, "%s must be BOOL, got %s", what, x.Type())
	return false
}

func (c *checker) unary(e *syntax.Unary, s *scope) plan.Expr {
	x := c.expr(e.X, s)
	switch strings.ToUpper(e.Op) {
	case "NOT":
		c.wantBool(x, "operand of NOT")
		return &plan.Unary{Node: plan.Node{T: types.Bool, P: e.Pos}, Op: plan.OpNot, X: coerce(x, types.Bool)}
	case "+", "-":
		t := x.Type()
		if !t.IsNumeric() && t != types.Null && t != types.Invalid {
			c.errorf(e.Pos, diag.Type, "unary %s needs a numeric operand, got %s", e.Op, t)
			return invalid(e.Pos)
		}
		if t == types.Null {
			t = types.Int
		}
		if e.Op == "+" {
			return coerce(x, t)
		}
		// -2147483648 is LONG: the literal 2147483648 is already LONG.
		return &plan.Unary{Node: plan.Node{T: t, P: e.Pos}, Op: plan.OpNeg, X: coerce(x, t)}
	}
	c.errorf(e.Pos, diag.Syntax, "unknown unary operator %s", e.Op)
	return invalid(e.Pos)
}

func not(x plan.Expr, pos source.Pos) plan.Expr {
	return &plan.Unary{Node: plan.Node{T: types.Bool, P: pos}, Op: plan.OpNot, X: x}
}

func (c *checker) in(e *syntax.In, s *scope) plan.Expr {
	var res plan.Expr
	if e.Table != nil {
		res = c.inTable(e, s)
	} else {
		x := c.expr(e.X, s)
		list := make([]plan.Expr, len(e.List))
		ts := []types.Type{x.Type()}
		for i, v := range e.List {
			list[i] = c.expr(v, s)
			ts = append(ts, list[i].Type())
		}
		t, ok := types.Common(ts...)
		if !ok {
			c.errorf(e.Pos, diag.Type, "no common type for IN list: %s", typeList(ts))
			return invalid(e.Pos)
		}
		for i := range list {
			list[i] = coerce(list[i], t)
		}
		res = &plan.InList{Node: plan.Node{T: types.Bool, P: e.Pos}, X: coerce(x, t), List: list}
	}
	if e.Not {
		return not(res, e.Pos)
	}
	return res
}

func typeList(ts []types.Type) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t.String())
	}
	return b.String()
}

func (c *checker) between(e *syntax.Between, s *scope) plan.Expr {
	x, lo, hi := c.expr(e.X, s), c.expr(e.Lo, s), c.expr(e.Hi, s)
	ge := c.compare(plan.OpGe, x, lo, e.Pos)
	le := c.compare(plan.OpLe, x, hi, e.Pos)
	var res plan.Expr = &plan.Binary{Node: plan.Node{T: types.Bool, P: e.Pos}, Op: plan.OpAnd, L: ge, R: le}
	if e.Not {
		res = not(res, e.Pos)
	}
	return res
}

func (c *checker) like(e *syntax.Like, s *scope) plan.Expr {
	x, p := c.expr(e.X, s), c.expr(e.Pattern, s)
	for _, v := range []plan.Expr{x, p} {
		if t := v.Type(); t != types.String && t != types.Null && t != types.Invalid {
			c.errorf(v.Pos(), diag.Type, "LIKE needs STRING operands, got %s", t)
			return invalid(e.Pos)
		}
	}
	var res plan.Expr = &plan.Like{Node: plan.Node{T: types.Bool, P: e.Pos},
		X: coerce(x, types.String), Pattern: coerce(p, types.String)}
	if e.Not {
		res = not(res, e.Pos)
	}
	return res
}

func (c *checker) caseExpr(e *syntax.Case, s *scope) plan.Expr {
	var operand plan.Expr
	if e.Operand != nil {
		operand = c.expr(e.Operand, s)
	}
	res := &plan.Case{Node: plan.Node{P: e.Pos}}
	var vals []plan.Expr
	for _, w := range e.Whens {
		var cond plan.Expr
		if operand != nil {
			cond = c.compare(plan.OpEq, operand, c.expr(w.Cond, s), w.Cond.ExprPos())
		} else {
			cond = c.expr(w.Cond, s)
			c.wantBool(cond, "WHEN condition")
		}
		v := c.expr(w.Val, s)
		vals = append(vals, v)
		res.Whens = append(res.Whens, plan.When{Cond: coerce(cond, types.Bool), Val: v})
	}
	if e.Else != nil {
		res.Else = c.expr(e.Else, s)
		vals = append(vals, res.Else)
	}
	t, ok := c.commonOf(vals, e.Pos, "CASE results")
	if !ok {
		return invalid(e.Pos)
	}
	res.T = t
	for i := range res.Whens {
		res.Whens[i].Val = coerce(res.Whens[i].Val, t)
	}
	if res.Else != nil {
		res.Else = coerce(res.Else, t)
	}
	return res
}

// commonOf computes the common type of xs, reporting an error naming what.
// A result of only NULLs is an error only where it must be typed (outputs).
func (c *checker) commonOf(xs []plan.Expr, pos source.Pos, what string) (types.Type, bool) {
	ts := make([]types.Type, len(xs))
	for i, x := range xs {
		ts[i] = x.Type()
	}
	t, ok := types.Common(ts...)
	if !ok {
		c.errorf(pos, diag.Type, "%s have no common type: %s", what, typeList(ts))
	}
	return t, ok
}
