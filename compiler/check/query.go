package check

import (
	"fmt"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/syntax"
)

// query checks INSERT ... INTO target SELECT ...
func (c *checker) query(q *syntax.Query, part *partition) *plan.Query {
	pq := &plan.Query{Name: c.nextQueryName(), Kind: plan.Insert, Pos: q.Pos, Line: q.Pos.Line,
		Events: plan.EventKind(q.Events), Limit: -1}
	if part != nil {
		pq.Partition = part.plan
	}
	if !c.selectBody(q.Select, pq, part) {
		return nil
	}
	if r := pq.Rate; r != nil && r.Mode == plan.RateSnapshot && q.ExplicitCurrent {
		c.errorf(r.Pos, diag.Rate, "OUTPUT SNAPSHOT cannot be used with INSERT CURRENT EVENTS")
	}
	if !c.target(q.Target, pq, part) {
		return nil
	}
	if part != nil {
		part.plan.Queries = append(part.plan.Queries, pq)
	}
	return pq
}

// selectBody checks the select body into pq. It reports false when the
// source could not be resolved (nothing else is checkable then).
func (c *checker) selectBody(sel *syntax.Select, pq *plan.Query, part *partition) bool {
	s := c.input(sel.From, pq, part)
	if s == nil {
		return false
	}
	if sel.Where != nil {
		pq.Where = c.condition(sel.Where, s.noAggs("WHERE"), "WHERE condition")
		if j, ok := pq.Input.(*plan.JoinInput); ok {
			pq.Where = pushJoinFilters(j, pq.Where)
		}
	}
	var aggs []*plan.Agg
	sa := s.withAggs(&aggs)
	c.selectList(sel, pq, sa)
	c.groupBy(sel, pq, s)
	if sel.Having != nil {
		hs := sa.withAggs(&aggs)
		hs.out = pq.Select
		pq.Having = c.condition(sel.Having, hs, "HAVING condition")
	}
	pq.Aggregating = len(aggs) > 0
	c.orderBy(sel, pq, s)
	pq.Limit = c.intClause(sel.Limit, "LIMIT", -1)
	pq.Offset = c.intClause(sel.Offset, "OFFSET", 0)
	if sel.Output != nil {
		pq.Rate = c.outputRate(sel.Output, pq)
	}
	return true
}

// selectList expands * and q.*, names columns and rejects duplicates.
func (c *checker) selectList(sel *syntax.Select, pq *plan.Query, s *scope) {
	seen := map[string]bool{}
	add := func(name string, x plan.Expr, pos source.Pos) {
		if seen[name] {
			c.errorf(pos, diag.Name, "duplicate output column '%s'; rename it with AS", name)
		}
		seen[name] = true
		pq.Select = append(pq.Select, &plan.OutCol{Name: name, Expr: x})
	}
	expand := func(src *scopeSource, pos source.Pos) {
		for i, a := range src.attrs {
			add(a.Name, &plan.Ref{Node: plan.Node{T: a.Type, P: pos}, Source: src.index, Attr: i,
				Name: a.Name, Qual: src.name}, pos)
		}
	}
	if sel.Star {
		if s.pattern != nil || len(s.sources) == 0 {
			c.errorf(sel.Pos, diag.Pattern, "SELECT * is not allowed in a pattern query; select alias.* or attributes")
			return
		}
		for _, src := range s.sources {
			expand(src, sel.Pos)
		}
		return
	}
	for i, item := range sel.Items {
		if qs, ok := item.Expr.(*syntax.QualifiedStar); ok {
			src := s.lookupQual(qs.Qual)
			switch {
			case src == nil || src == s.row:
				c.errorf(qs.Pos, diag.Name, "undefined stream or alias '%s'", qs.Qual)
			case src.counted:
				c.errorf(qs.Pos, diag.Pattern, "'%s.*' is not allowed on counted element '%s'", qs.Qual, qs.Qual)
			default:
				expand(src, qs.Pos)
			}
			continue
		}
		x := c.expr(item.Expr, s)
		var name string
		pos := item.Expr.ExprPos()
		switch {
		case item.Alias != nil:
			name, pos = item.Alias.Name, item.Alias.Pos
		default:
			switch r := item.Expr.(type) {
			case *syntax.Name:
				name = r.Name
			case *syntax.Qualified:
				name = r.Name
			default:
				name = fmt.Sprintf("expr_%d", i)
			}
		}
		add(name, x, pos)
	}
}

// groupBy checks GROUP BY items: source attributes only (§6.3).
func (c *checker) groupBy(sel *syntax.Select, pq *plan.Query, s *scope) {
	gs := s.noAggs("GROUP BY")
	for _, g := range sel.GroupBy {
		switch g.(type) {
		case *syntax.Name, *syntax.Qualified:
		default:
			c.errorf(g.ExprPos(), diag.Clause, "GROUP BY item must be a source attribute")
			continue
		}
		x := c.expr(g, gs)
		if r, ok := x.(*plan.Ref); ok {
			pq.GroupBy = append(pq.GroupBy, r)
		}
	}
}

// orderBy checks ORDER BY items: output columns, then source attributes.
func (c *checker) orderBy(sel *syntax.Select, pq *plan.Query, s *scope) {
	os := s.noAggs("ORDER BY")
	os.out = pq.Select
	for _, o := range sel.OrderBy {
		switch o.Expr.(type) {
		case *syntax.Name, *syntax.Qualified:
		default:
			before := len(c.diags)
			c.expr(o.Expr, os) // reports aggregates and bad names first
			if len(c.diags) == before {
				c.errorf(o.Expr.ExprPos(), diag.Clause, "ORDER BY item must be an output column or a source attribute")
			}
			continue
		}
		x := c.expr(o.Expr, os)
		pq.OrderBy = append(pq.OrderBy, &plan.OrderItem{Expr: x, Desc: o.Desc})
	}
}

// intClause checks LIMIT/OFFSET: a non-negative integer literal.
func (c *checker) intClause(ic *syntax.IntClause, what string, def int64) int64 {
	if ic == nil {
		return def
	}
	lit, ok := ic.Value.(*syntax.Literal)
	if !ok || (lit.Kind != syntax.LitInt && lit.Kind != syntax.LitLong) {
		c.errorf(ic.Value.ExprPos(), diag.Clause, "%s must be a non-negative integer literal", what)
		return def
	}
	return lit.Int
}

// outputRate checks OUTPUT ... EVERY (§7).
func (c *checker) outputRate(o *syntax.OutputRate, pq *plan.Query) *plan.OutputRate {
	r := &plan.OutputRate{Mode: plan.RateMode(o.Mode), Pos: o.Pos}
	if o.Events != nil {
		if o.Mode == syntax.RateSnapshot {
			c.errorf(o.Pos, diag.Rate, "OUTPUT SNAPSHOT needs a duration, not EVENTS")
			return nil
		}
		if n, ok := c.constInt(o.Events, "OUTPUT EVERY count"); ok {
			if n <= 0 {
				c.errorf(o.Events.ExprPos(), diag.Rate, "OUTPUT EVERY count must be positive, got %d", n)
			}
			r.Events = n
		}
	} else if d, ok := c.constInt(o.Every, "OUTPUT EVERY duration"); ok {
		if d <= 0 {
			c.errorf(o.Every.ExprPos(), diag.Rate, "OUTPUT EVERY duration must be positive, got %d", d)
		}
		r.Period = d
	}
	if o.Mode == syntax.RateSnapshot && pq.Events != plan.CurrentEvents && pq.Events != plan.AllEvents {
		c.errorf(o.Pos, diag.Rate, "OUTPUT SNAPSHOT cannot be used with INSERT EXPIRED EVENTS")
	}
	return r
}
