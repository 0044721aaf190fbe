package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// partition is the checking context of one PARTITION body.
type partition struct {
	plan  *plan.Partition
	inner map[string]*plan.Stream // #Name → inner stream of this partition
}

// partitionStmt checks PARTITION WITH (...) BEGIN ... END (§11).
func (c *checker) partitionStmt(p *syntax.PartitionStmt) {
	part := &partition{plan: &plan.Partition{Pos: p.Pos}, inner: map[string]*plan.Stream{}}
	seen := map[*plan.Stream]bool{}
	for _, k := range p.Keys {
		r, ok := c.resolveSource(k.Stream, nil)
		if !ok {
			continue
		}
		if r.table != nil {
			c.errorf(k.Stream.Pos, diag.Partition, "table '%s' cannot be partitioned", k.Stream.Name)
			continue
		}
		if seen[r.stream] {
			c.errorf(k.Stream.Pos, diag.Partition, "stream '%s' is listed twice in PARTITION WITH", k.Stream.Name)
			continue
		}
		seen[r.stream] = true
		pk := &plan.PartitionKey{Stream: r.stream, Pos: k.Pos}
		src := &scopeSource{index: 0, name: k.Stream.Name, attrs: r.stream.Attrs, kind: "stream", visible: true}
		s := &scope{sources: []*scopeSource{src}, noAgg: "a partition key"}
		if k.Value != nil {
			pk.Value = c.expr(k.Value, s)
		}
		for _, rg := range k.Ranges {
			cond := c.expr(rg.Cond, s)
			c.wantBool(cond, "range condition")
			pk.Ranges = append(pk.Ranges, &plan.Range{Cond: coerce(cond, types.Bool), Label: rg.Label})
		}
		part.plan.Keys = append(part.plan.Keys, pk)
	}
	if len(p.Body) == 0 {
		c.errorf(p.Pos, diag.Partition, "partition body is empty: BEGIN ... END needs at least one query")
	}
	for _, st := range p.Body {
		q, ok := st.(*syntax.Query)
		if !ok {
			c.errorf(st.StmtPos(), diag.Partition, "%s is not allowed inside a partition (only queries are)", stmtKind(st))
			continue
		}
		c.query(q, part)
	}
	c.app.Partitions = append(c.app.Partitions, part.plan)
	c.app.Statements = append(c.app.Statements, part.plan)
}

// stmtKind names a statement in a diagnostic (§14: a misplaced construct
// names itself).
func stmtKind(st syntax.Stmt) string {
	switch st.(type) {
	case *syntax.StreamDef:
		return "CREATE STREAM"
	case *syntax.TableDef:
		return "CREATE TABLE"
	case *syntax.TriggerDef:
		return "CREATE TRIGGER"
	case *syntax.UpdateStmt:
		return "UPDATE"
	case *syntax.DeleteStmt:
		return "DELETE"
	case *syntax.UpsertStmt:
		return "UPSERT"
	case *syntax.PartitionStmt:
		return "PARTITION"
	}
	return "this statement"
}
