package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// lookupTable resolves a table name of a table statement.
func (c *checker) lookupTable(id syntax.Ident) *plan.Table {
	switch v := c.names[id.Name].(type) {
	case *plan.Table:
		return v
	case nil:
		c.errorf(id.Pos, diag.Name, "undefined table '%s'", id.Name)
	default:
		c.errorf(id.Pos, diag.Table, "'%s' is a %s, not a table", id.Name, kindName(v))
	}
	return nil
}

// mutationScope is the scope of UPDATE/DELETE: the arriving event is
// source 0; the table row is the row under test.
func (c *checker) mutationScope(t *plan.Table, tid syntax.Ident, talias *syntax.Ident,
	sid syntax.Ident, salias *syntax.Ident, win *syntax.Window, what string) (*scope, *plan.Source) {
	r, ok := c.resolveSource(sid, nil)
	if !ok {
		return nil, nil
	}
	if r.table != nil {
		c.errorf(sid.Pos, diag.Table, "%s source '%s' must be a stream, not a table", what, sid.Name)
		return nil, nil
	}
	if win != nil {
		c.errorf(win.Pos, diag.Table, "%s source '%s' cannot have a window", what, sid.Name)
	}
	ps, ss := newSource(0, sid, salias, r)
	_, row := newSource(0, tid, talias, resolved{table: t})
	row.visible = false
	return &scope{sources: []*scopeSource{ss}, row: row, noAgg: what}, ps
}

func (c *checker) updateStmt(u *syntax.UpdateStmt) *plan.Query {
	t := c.lookupTable(u.Table)
	if t == nil {
		return nil
	}
	s, src := c.mutationScope(t, u.Table, u.TableAlias, u.From, u.FromAlias, u.FromWindow, "UPDATE")
	if s == nil {
		return nil
	}
	pq := &plan.Query{Name: c.nextQueryName(), Kind: plan.Update, Pos: u.Pos, Line: u.Pos.Line,
		Input: &plan.StreamInput{Source: src}, TargetTable: t, Limit: -1}
	for _, a := range u.Set {
		col := attrIndex(t.Attrs, a.Col.Name)
		if col < 0 {
			c.errorf(a.Col.Pos, diag.Table, "undefined column '%s' in table '%s'", a.Col.Name, t.Name)
			continue
		}
		if a.Qual != nil && a.Qual.Name != s.row.name {
			c.errorf(a.Qual.Pos, diag.Table, "assignment target '%s.%s' must be a column of table '%s'", a.Qual.Name, a.Col.Name, t.Name)
			continue
		}
		x := c.expr(a.Expr, s)
		if !types.WidensTo(x.Type(), t.Attrs[col].Type) {
			c.errorf(a.Expr.ExprPos(), diag.Type, "cannot assign %s to column '%s' %s of table '%s'", x.Type(), a.Col.Name, t.Attrs[col].Type, t.Name)
			continue
		}
		pq.Set = append(pq.Set, &plan.Assignment{Col: col, Expr: coerce(x, t.Attrs[col].Type)})
	}
	if u.Where != nil {
		pq.Where = c.condition(u.Where, s, "WHERE condition")
	}
	return pq
}

func (c *checker) deleteStmt(d *syntax.DeleteStmt) *plan.Query {
	t := c.lookupTable(d.Table)
	if t == nil {
		return nil
	}
	s, src := c.mutationScope(t, d.Table, d.TableAlias, d.Using, d.UsingAlias, d.UsingWindow, "DELETE")
	if s == nil {
		return nil
	}
	pq := &plan.Query{Name: c.nextQueryName(), Kind: plan.Delete, Pos: d.Pos, Line: d.Pos.Line,
		Input: &plan.StreamInput{Source: src}, TargetTable: t, Limit: -1}
	if d.Where != nil {
		pq.Where = c.condition(d.Where, s, "WHERE condition")
	}
	return pq
}

// upsertStmt is UPSERT INTO T select ON cond (§9.4).
func (c *checker) upsertStmt(u *syntax.UpsertStmt) *plan.Query {
	t := c.lookupTable(u.Table)
	if t == nil {
		return nil
	}
	if _, ok := u.Select.From.(*syntax.StreamSource); !ok {
		c.errorf(u.Select.From.SourcePos(), diag.Table, "UPSERT INTO '%s' must read a single stream", t.Name)
		return nil
	}
	pq := &plan.Query{Name: c.nextQueryName(), Kind: plan.Upsert, Pos: u.Pos, Line: u.Pos.Line, Limit: -1}
	if !c.selectBody(u.Select, pq, nil) {
		return nil
	}
	if !c.fits(u.Table, "table", t.Attrs, pq) {
		return nil
	}
	pq.TargetTable = t
	in := pq.Input.(*plan.StreamInput)
	_, row := newSource(0, u.Table, nil, resolved{table: t})
	row.visible = false
	_, ev := newSource(0, syntax.Ident{Name: in.Source.Alias}, nil, resolved{stream: in.Source.Stream})
	s := &scope{sources: []*scopeSource{ev}, row: row, out: pq.Select, outOnly: true, noAgg: "ON"}
	pq.On = c.condition(u.On, s, "ON condition")
	return pq
}

// inTable is `(cond) IN T` or `x IN T` (§9.5).
func (c *checker) inTable(e *syntax.In, s *scope) plan.Expr {
	t := c.lookupTable(*e.Table)
	if t == nil {
		return invalid(e.Pos)
	}
	_, row := newSource(0, *e.Table, nil, resolved{table: t})
	row.visible = false
	inner := *s
	if s.row != nil {
		inner.outer = append(append([]*scopeSource(nil), s.outer...), s.row)
	}
	row.nest = len(inner.outer)
	inner.row = row
	inner.out, inner.outOnly = nil, false
	var cond plan.Expr
	switch x := e.X.(type) {
	case *syntax.Name, *syntax.Qualified:
		name := ""
		if n, ok := x.(*syntax.Name); ok {
			name = n.Name
		} else {
			name = x.(*syntax.Qualified).Name
		}
		col := attrIndex(t.Attrs, name)
		if col < 0 {
			c.errorf(e.Table.Pos, diag.Table, "table '%s' has no column '%s' for '%s IN %s'", t.Name, name, name, t.Name)
			return invalid(e.Pos)
		}
		v := c.expr(e.X, s)
		rowRef := &plan.Ref{Node: plan.Node{T: t.Attrs[col].Type, P: e.Pos}, Attr: col, Name: name, Qual: t.Name, TableRow: true, Nest: row.nest}
		cond = c.compare(plan.OpEq, rowRef, v, e.Pos)
	default:
		cond = c.expr(e.X, &inner)
		c.wantBool(cond, "IN table condition")
	}
	return &plan.InTable{Node: plan.Node{T: types.Bool, P: e.Pos}, Table: t, Cond: coerce(cond, types.Bool), Nest: row.nest}
}
