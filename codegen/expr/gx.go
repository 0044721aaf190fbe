package expr

import "github.com/dave/jennifer/jen"

// Go operator precedence levels, used to parenthesise only where needed so
// that generated expressions read as a person would write them.
const (
	precOr = iota + 1
	precAnd
	precCmp
	precAdd
	precMul
	precUnary
	precPrimary
)

// gx is a Go expression with its precedence. lit is set for the boolean
// literals true/false so that conditions fold; neg holds x for gx = !x.
type gx struct {
	c    *jen.Statement
	prec int
	lit  *bool
	neg  *gx
	// For a && b and a || b: the operator and operands, so that negation
	// applies De Morgan instead of wrapping !( ... ).
	op   string
	l, r *gx
}

func primary(c *jen.Statement) gx { return gx{c: c, prec: precPrimary} }

func (x gx) isNil() bool { return x.c == nil }

var (
	tru, fals = true, false
	gxTrue    = gx{c: jen.True(), prec: precPrimary, lit: &tru}
	gxFalse   = gx{c: jen.False(), prec: precPrimary, lit: &fals}
)

func boolLit(b bool) gx {
	if b {
		return gxTrue
	}
	return gxFalse
}

func (x gx) isLit(b bool) bool { return x.lit != nil && *x.lit == b }

// at returns x's code, parenthesised if its precedence is below p.
func (x gx) at(p int) *jen.Statement {
	if x.prec < p {
		return jen.Parens(x.c)
	}
	return jen.Add(x.c)
}

// binop builds l op r at precedence p (left associative).
func binop(l gx, op string, r gx, p int) gx {
	return gx{c: jen.Add(l.at(p)).Op(op).Add(r.at(p + 1)), prec: p}
}

// assoc builds a op b for an associative operator: a right operand of the
// same precedence needs no parentheses.
func assoc(l gx, op string, r gx, p int) gx {
	return gx{c: jen.Add(l.at(p)).Op(op).Add(r.at(p)), prec: p}
}

// not negates a boolean expression.
func not(x gx) gx {
	switch {
	case x.lit != nil:
		return boolLit(!*x.lit)
	case x.neg != nil:
		return *x.neg
	case x.op == "&&":
		return or(not(*x.l), not(*x.r))
	case x.op == "||":
		return and(not(*x.l), not(*x.r))
	}
	inner := x
	return gx{c: jen.Op("!").Add(x.at(precUnary)), prec: precUnary, neg: &inner}
}

// and is a && b; a nil operand counts as true.
func and(a, b gx) gx {
	switch {
	case a.isNil() || a.isLit(true):
		return b
	case b.isNil() || b.isLit(true):
		return a
	case a.isLit(false) || b.isLit(false):
		return gxFalse
	}
	if same(a, b) {
		return a
	}
	x := assoc(a, "&&", b, precAnd)
	x.op, x.l, x.r = "&&", &a, &b
	return x
}

// or is a || b; a nil operand counts as false (a nil null flag: never null).
func or(a, b gx) gx {
	switch {
	case a.isNil() || a.isLit(false):
		return b
	case b.isNil() || b.isLit(false):
		return a
	case a.isLit(true) || b.isLit(true):
		return gxTrue
	}
	if same(a, b) {
		return a
	}
	x := assoc(a, "||", b, precOr)
	x.op, x.l, x.r = "||", &a, &b
	return x
}

// same reports whether a and b render identically (x || x is just x; the
// expressions are pure).
func same(a, b gx) bool { return a.c.GoString() == b.c.GoString() }
