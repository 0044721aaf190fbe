package rules

import "github.com/efluxc/efluxc/compiler/plan"

// DropDeadQueries removes work whose output nobody can observe:
//   - queries whose WHERE folded to a constant false or null never emit,
//     change no window and no table (WHERE runs first, §4.5), so they go;
//   - queries writing an inner stream that no query of the partition reads
//     (inner streams are invisible outside their partition, §11);
//   - queries inserting into, updating or deleting from a table that no
//     query and no partition key reads (tables are observable only through
//     them).
//
// Declared and inferred streams are always observable (On<Stream>), so
// queries writing them stay.
var DropDeadQueries = Rule{Name: "drop-dead-queries", Apply: func(app *plan.App) int {
	n := 0
	for {
		dead := deadQueries(app)
		if len(dead) == 0 {
			return n
		}
		n += len(dead)
		app.Queries = filterQueries(app.Queries, dead)
		var stmts []plan.Statement
		for _, st := range app.Statements {
			if q, ok := st.(*plan.Query); ok && dead[q] {
				continue
			}
			stmts = append(stmts, st)
		}
		app.Statements = stmts
		for _, p := range app.Partitions {
			p.Queries = filterQueries(p.Queries, dead)
		}
	}
}}

func filterQueries(qs []*plan.Query, dead map[*plan.Query]bool) []*plan.Query {
	var out []*plan.Query
	for _, q := range qs {
		if !dead[q] {
			out = append(out, q)
		}
	}
	return out
}

func deadQueries(app *plan.App) map[*plan.Query]bool {
	readStreams := map[*plan.Stream]bool{}
	readTables := map[*plan.Table]bool{}
	qs := app.AllQueries()
	for _, q := range qs {
		for _, src := range inputSources(q) {
			if src.Stream != nil {
				readStreams[src.Stream] = true
			}
			if src.Table != nil {
				readTables[src.Table] = true
			}
		}
	}
	// Any expression, partition keys included, may test table membership
	// (§9.5, §11).
	plan.InspectExprs(app, func(e plan.Expr) bool {
		if it, ok := e.(*plan.InTable); ok {
			readTables[it.Table] = true
		}
		return true
	})
	dead := map[*plan.Query]bool{}
	for _, q := range qs {
		switch {
		case isFalse(q.Where):
			dead[q] = true
		case q.TargetStream != nil && q.TargetStream.Kind == plan.InnerStream && !readStreams[q.TargetStream]:
			dead[q] = true
		case q.TargetTable != nil && !readTables[q.TargetTable]:
			dead[q] = true
		}
	}
	return dead
}

// inputSources lists the sources a query reads events or rows from.
func inputSources(q *plan.Query) []*plan.Source {
	switch in := q.Input.(type) {
	case *plan.StreamInput:
		return []*plan.Source{in.Source}
	case *plan.JoinInput:
		return []*plan.Source{in.Left.Source, in.Right.Source}
	case *plan.PatternInput:
		return in.Sources
	}
	return nil
}

// isFalse reports a constant condition that is never true.
func isFalse(x plan.Expr) bool {
	k, ok := x.(*plan.Const)
	return ok && (k.IsNull || !k.Bool)
}
