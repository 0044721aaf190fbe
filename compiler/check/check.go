// Package check resolves names, types every expression, enforces the static
// rules of LANGUAGE.md and builds the typed plan. Besides syntax it is the
// only stage that reports user errors. It builds the plan as it resolves
// (there is no separate lowering pass): every checked construct maps to
// exactly one plan node.
package check

import (
	"fmt"
	"strings"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/syntax"
)

// Check checks a parsed file and returns its plan, or a diag.List.
func Check(name string, f *syntax.File) (*plan.App, error) {
	c := &checker{
		app:   &plan.App{Name: name, File: f.Name},
		names: map[string]any{},
	}
	for _, s := range f.Statements {
		c.statement(s, nil)
	}
	if err := c.diags.Err(); err != nil {
		return nil, err
	}
	return c.app, nil
}

// checker holds the state of one Check call.
type checker struct {
	app   *plan.App
	diags diag.List
	// names is the shared namespace of streams, tables and triggers:
	// *plan.Stream, *plan.Table or *plan.Trigger.
	names   map[string]any
	queries int // queries numbered so far, for query names
}

func (c *checker) errorf(pos source.Pos, code diag.Code, format string, args ...any) {
	c.diags.Add(pos, code, fmt.Sprintf(format, args...))
}

// statement checks one statement; part is the enclosing partition, if any.
func (c *checker) statement(s syntax.Stmt, part *partition) {
	switch s := s.(type) {
	case *syntax.StreamDef:
		c.streamDef(s)
	case *syntax.TableDef:
		c.tableDef(s)
	case *syntax.TriggerDef:
		c.triggerDef(s)
	case *syntax.Query:
		if q := c.query(s, part); q != nil && part == nil {
			c.app.Queries = append(c.app.Queries, q)
			c.app.Statements = append(c.app.Statements, q)
		}
	case *syntax.UpdateStmt:
		c.addTableStmt(c.updateStmt(s))
	case *syntax.DeleteStmt:
		c.addTableStmt(c.deleteStmt(s))
	case *syntax.UpsertStmt:
		c.addTableStmt(c.upsertStmt(s))
	case *syntax.PartitionStmt:
		c.partitionStmt(s)
	default:
		c.errorf(s.StmtPos(), diag.Internal, "unknown statement %T", s)
	}
}

func (c *checker) addTableStmt(q *plan.Query) {
	if q != nil {
		c.app.Queries = append(c.app.Queries, q)
		c.app.Statements = append(c.app.Statements, q)
	}
}

// nextQueryName numbers queries in source order: q1, q2, ...
func (c *checker) nextQueryName() string {
	c.queries++
	return fmt.Sprintf("q%d", c.queries)
}

// kindName names what a namespace entry is, for messages.
func kindName(v any) string {
	switch v.(type) {
	case *plan.Stream:
		return "stream"
	case *plan.Table:
		return "table"
	case *plan.Trigger:
		return "trigger"
	}
	return "name"
}

func isInner(name string) bool { return strings.HasPrefix(name, "#") }
