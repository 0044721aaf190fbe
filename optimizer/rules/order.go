package rules

import (
	"sort"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// OrderConjuncts reorders the operands of each AND chain so that cheap
// conditions run first and the generated code can skip the expensive ones.
// Kleene AND is commutative and associative and expressions have no side
// effects, so the result is unchanged; the sort is stable, so equal-cost
// conjuncts keep their source order.
var OrderConjuncts = Rule{Name: "order-conjuncts", Apply: func(app *plan.App) int {
	n := 0
	plan.RewriteExprs(app, func(x plan.Expr) plan.Expr {
		return plan.Rewrite(x, func(e plan.Expr) plan.Expr {
			b, ok := e.(*plan.Binary)
			if !ok || b.Op != plan.OpAnd {
				return e
			}
			parts := flattenAnd(b)
			sorted := append([]plan.Expr(nil), parts...)
			sort.SliceStable(sorted, func(i, j int) bool { return Cost(sorted[i]) < Cost(sorted[j]) })
			changed := false
			for i := range parts {
				if parts[i] != sorted[i] {
					changed = true
				}
			}
			if !changed {
				return e
			}
			n++
			res := sorted[0]
			for _, p := range sorted[1:] {
				res = &plan.Binary{Node: plan.Node{T: types.Bool, P: b.P}, Op: plan.OpAnd, L: res, R: p}
			}
			return res
		})
	})
	return n
}}

func flattenAnd(x plan.Expr) []plan.Expr {
	if b, ok := x.(*plan.Binary); ok && b.Op == plan.OpAnd {
		return append(flattenAnd(b.L), flattenAnd(b.R)...)
	}
	return []plan.Expr{x}
}

// Cost estimates the evaluation cost of x in units of one attribute read:
// string work, function calls and table probes cost more than arithmetic.
func Cost(x plan.Expr) int {
	own := 1
	switch e := x.(type) {
	case *plan.Const, *plan.Ref, *plan.OutRef, *plan.EventTime, *plan.Now:
		return 1
	case *plan.Binary:
		if e.L.Type() == types.String {
			own = 4
		}
	case *plan.Call, *plan.Like:
		own = 20
	case *plan.InTable:
		own = 1000
	case *plan.InList:
		own = 1 + len(e.List)
	}
	for _, c := range plan.Children(x) {
		own += Cost(c)
	}
	return own
}
