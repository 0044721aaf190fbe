package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// joinInput is L [kind] JOIN R [ON cond] (§8).
func (c *checker) joinInput(f *syntax.JoinSource, pq *plan.Query, part *partition) *scope {
	lr, ok1 := c.resolveSource(f.Left.Name, part)
	rr, ok2 := c.resolveSource(f.Right.Name, part)
	if !ok1 || !ok2 {
		return nil
	}
	if lr.table != nil && rr.table != nil {
		c.errorf(f.Right.Name.Pos, diag.Join, "cannot join two tables ('%s' and '%s')", f.Left.Name.Name, f.Right.Name.Name)
		return nil
	}
	lp, ls := newSource(0, f.Left.Name, f.Left.Alias, lr)
	rp, rs := newSource(1, f.Right.Name, f.Right.Alias, rr)
	if f.Left.Name.Name == f.Right.Name.Name && (f.Left.Alias == nil || f.Right.Alias == nil) {
		// §4.2: a self-join requires aliases on both sides, even when one
		// alias differs from the stream name.
		c.errorf(f.Right.Name.Pos, diag.Name, "self-join of '%s' needs an alias on both sides", f.Right.Name.Name)
		return nil
	}
	if ls.name == rs.name {
		if f.Left.Alias != nil && f.Right.Alias != nil {
			c.errorf(f.Right.Alias.Pos, diag.Name, "duplicate alias '%s' in join", rs.name)
		} else {
			c.errorf(f.Right.Name.Pos, diag.Name, "self-join of '%s' needs an alias on both sides", f.Right.Name.Name)
		}
		return nil
	}
	s := &scope{sources: []*scopeSource{ls, rs}}
	in := &plan.JoinInput{Kind: plan.JoinKind(f.Kind)}
	side := func(src *syntax.StreamSource, ps *plan.Source, ss *scopeSource) *plan.JoinSide {
		js := &plan.JoinSide{Source: ps, Unidirectional: src.Unidirectional}
		if ps.Table != nil {
			if src.Window != nil {
				c.errorf(src.Window.Pos, diag.Join, "table '%s' cannot have a window", src.Name.Name)
			}
			if src.Unidirectional {
				c.errorf(src.Name.Pos, diag.Join, "UNIDIRECTIONAL cannot be used on table '%s'", src.Name.Name)
			}
			return js
		}
		if src.Window != nil {
			// Attribute parameters name the window's own stream (§5).
			js.Window = c.window(src.Window, &scope{sources: []*scopeSource{ss}})
		}
		return js
	}
	in.Left, in.Right = side(f.Left, lp, ls), side(f.Right, rp, rs)
	if f.Left.Unidirectional && f.Right.Unidirectional {
		c.errorf(f.Right.Name.Pos, diag.Join, "UNIDIRECTIONAL on both sides of a join")
	}
	if f.On != nil {
		in.On = c.condition(f.On, s.noAggs("ON"), "ON condition")
	}
	pq.Input = in
	return s
}

// pushJoinFilters moves the WHERE conjuncts that read exactly one stream
// side into that side's Filter (applied before its window, §8) and returns
// the rest (nil when none is left).
func pushJoinFilters(j *plan.JoinInput, where plan.Expr) plan.Expr {
	var rest plan.Expr
	for _, conj := range conjuncts(where) {
		used := sourcesUsed(conj)
		var side *plan.JoinSide
		switch {
		case len(used) == 1 && used[0] && !hasAgg(conj):
			side = j.Left
		case len(used) == 1 && used[1] && !hasAgg(conj):
			side = j.Right
		}
		if side != nil && side.Source.Table == nil {
			side.Filter = and(side.Filter, conj)
			continue
		}
		rest = and(rest, conj)
	}
	return rest
}

// conjuncts splits top-level ANDs.
func conjuncts(x plan.Expr) []plan.Expr {
	if b, ok := x.(*plan.Binary); ok && b.Op == plan.OpAnd {
		return append(conjuncts(b.L), conjuncts(b.R)...)
	}
	return []plan.Expr{x}
}

func and(a, b plan.Expr) plan.Expr {
	if a == nil {
		return b
	}
	return &plan.Binary{Node: plan.Node{T: types.Bool, P: a.Pos()}, Op: plan.OpAnd, L: a, R: b}
}

// sourcesUsed reports which source indexes x reads (excluding table rows).
func sourcesUsed(x plan.Expr) map[int]bool {
	used := map[int]bool{}
	plan.Inspect(x, func(e plan.Expr) bool {
		switch e := e.(type) {
		case *plan.Ref:
			if !e.TableRow {
				used[e.Source] = true
			}
		case *plan.EventTime:
			used[e.Source] = true
		}
		return true
	})
	return used
}

func hasAgg(x plan.Expr) bool {
	found := false
	plan.Inspect(x, func(e plan.Expr) bool {
		if _, ok := e.(*plan.Agg); ok {
			found = true
		}
		return !found
	})
	return found
}
