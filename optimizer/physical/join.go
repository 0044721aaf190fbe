package physical

import "github.com/efluxc/efluxc/compiler/plan"

// JoinIndexes chooses, for every stream-stream join whose ON condition has
// equality conjuncts between the two sides (l.x = r.y), hash-indexed
// probes: each side's exposed window events are kept in a hash table on
// its key, so a probe visits only the events whose key equals the probing
// event's, instead of scanning the whole window.
//
// Why results cannot change: an indexed probe still evaluates the whole
// ON condition on every candidate, and a candidate outside the probed
// bucket has a different (or null) key, so its equality conjunct is not
// true and ON cannot be true for it. Each bucket keeps its events in the
// order they entered the window, the window's order restricted to them,
// so matches come out oldest first as with a scan.
func JoinIndexes(app *plan.App) map[*plan.Query]*plan.JoinIndex {
	var out map[*plan.Query]*plan.JoinIndex
	for _, q := range app.AllQueries() {
		in, ok := q.Input.(*plan.JoinInput)
		if !ok || in.On == nil || in.Left.Source.Table != nil || in.Right.Source.Table != nil {
			continue
		}
		var x plan.JoinIndex
		for _, c := range conjuncts(in.On) {
			b, ok := c.(*plan.Binary)
			if !ok || b.Op != plan.OpEq || b.L.Type() != b.R.Type() {
				continue
			}
			switch {
			case readsOnly(b.L, 0) && readsOnly(b.R, 1):
				x.Left, x.Right = append(x.Left, b.L), append(x.Right, b.R)
			case readsOnly(b.L, 1) && readsOnly(b.R, 0):
				x.Left, x.Right = append(x.Left, b.R), append(x.Right, b.L)
			}
		}
		if len(x.Left) > 0 {
			if out == nil {
				out = map[*plan.Query]*plan.JoinIndex{}
			}
			out[q] = &x
		}
	}
	return out
}

// readsOnly reports whether e is an implicitly widened attribute of
// source side (a key worth hashing: cheap, deterministic, no aggregate).
func readsOnly(e plan.Expr, side int) bool {
	r := ref(e)
	return r != nil && r.Source == side && r.Index == nil && !r.TableRow
}
