package physical

import (
	"slices"

	"github.com/efluxc/efluxc/compiler/plan"
)

// TableSearches chooses how each search of a table's rows finds them
// (UPDATE and DELETE conditions, UPSERT ON, the ON of a join with a table
// side, (cond) IN T): where the condition's top-level conjuncts fix columns
// with equalities row.c = x (x not reading the row), the search looks the
// values up in a hash index instead of scanning the table. The primary
// key's index serves when the fixed columns cover the key; otherwise a
// secondary index on all the fixed columns is added to the table, shared
// by every search that fixes the same columns.
//
// Why results cannot change: a found row still has the whole condition
// tested, and a row outside the looked-up bucket differs in (or has a null
// in) some fixed column, so its equality conjunct is not true. Buckets keep
// their rows in table order, so rows come out in the order of a scan.
func TableSearches(app *plan.App) (map[plan.Expr]*plan.TableSearch, map[*plan.Table][]*plan.TableIndex) {
	c := &tableChooser{searches: map[plan.Expr]*plan.TableSearch{}, indexes: map[*plan.Table][]*plan.TableIndex{}}
	for _, q := range app.AllQueries() {
		switch q.Kind {
		case plan.Update, plan.Delete:
			c.choose(q.TargetTable, q.Where, isOuterRow)
		case plan.Upsert:
			c.choose(q.TargetTable, q.On, isOuterRow)
		}
		if in, ok := q.Input.(*plan.JoinInput); ok {
			for side, s := range []*plan.JoinSide{in.Left, in.Right} {
				if s.Source.Table != nil {
					c.choose(s.Source.Table, in.On, func(r *plan.Ref) bool { return r.Source == side && !r.TableRow })
				}
			}
		}
	}
	plan.InspectExprs(app, func(x plan.Expr) bool {
		if it, ok := x.(*plan.InTable); ok {
			c.choose(it.Table, it.Cond, func(r *plan.Ref) bool { return r.TableRow && r.Nest == it.Nest })
		}
		return true
	})
	if len(c.searches) == 0 {
		return nil, nil
	}
	return c.searches, c.indexes
}

type tableChooser struct {
	searches map[plan.Expr]*plan.TableSearch
	indexes  map[*plan.Table][]*plan.TableIndex
}

func isOuterRow(r *plan.Ref) bool { return r.TableRow && r.Nest == 0 }

// choose records the search of table t with condition cond, whose
// references to the searched row are those isRow accepts.
func (c *tableChooser) choose(t *plan.Table, cond plan.Expr, isRow func(*plan.Ref) bool) {
	if t == nil || cond == nil {
		return
	}
	fixed := fixedColumns(t, cond, isRow)
	if len(fixed) == 0 {
		return
	}
	if len(t.PrimaryKey) > 0 {
		keys := make([]plan.Expr, 0, len(t.PrimaryKey))
		for _, col := range t.PrimaryKey {
			if x, ok := fixed[col]; ok {
				keys = append(keys, x)
			}
		}
		if len(keys) == len(t.PrimaryKey) {
			c.searches[cond] = &plan.TableSearch{Index: &plan.TableIndex{Table: t, Cols: t.PrimaryKey, PrimaryKey: true}, Keys: keys}
			return
		}
	}
	cols := make([]int, 0, len(fixed))
	for col := range fixed {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	keys := make([]plan.Expr, len(cols))
	for i, col := range cols {
		keys[i] = fixed[col]
	}
	c.searches[cond] = &plan.TableSearch{Index: c.index(t, cols), Keys: keys}
}

// index returns t's secondary index on cols, adding it if new.
func (c *tableChooser) index(t *plan.Table, cols []int) *plan.TableIndex {
	for _, x := range c.indexes[t] {
		if slices.Equal(x.Cols, cols) {
			return x
		}
	}
	x := &plan.TableIndex{Table: t, Cols: cols}
	c.indexes[t] = append(c.indexes[t], x)
	return x
}

// fixedColumns maps each column of t that a top-level conjunct of cond
// requires to equal a value (row.c = x or x = row.c, x of the column's
// type, reading no row of t, no aggregate and no nested table search) to
// that value; the first such conjunct wins.
func fixedColumns(t *plan.Table, cond plan.Expr, isRow func(*plan.Ref) bool) map[int]plan.Expr {
	var fixed map[int]plan.Expr
	for _, c := range conjuncts(cond) {
		b, ok := c.(*plan.Binary)
		if !ok || b.Op != plan.OpEq || b.L.Type() != b.R.Type() {
			continue
		}
		for _, pair := range [][2]plan.Expr{{b.L, b.R}, {b.R, b.L}} {
			r, ok := pair[0].(*plan.Ref)
			if !ok || !isRow(r) || r.Attr >= len(t.Attrs) || !lookupKey(pair[1], isRow) {
				continue
			}
			if _, dup := fixed[r.Attr]; !dup {
				if fixed == nil {
					fixed = map[int]plan.Expr{}
				}
				fixed[r.Attr] = pair[1]
			}
		}
	}
	return fixed
}

// lookupKey reports whether x can be computed before the search: it reads
// no searched row, holds no aggregate, and searches no table itself
// (conservative: a nested search's scope is the searched row's).
func lookupKey(x plan.Expr, isRow func(*plan.Ref) bool) bool {
	ok := true
	plan.Inspect(x, func(e plan.Expr) bool {
		switch e := e.(type) {
		case *plan.Ref:
			if isRow(e) {
				ok = false
			}
		case *plan.Agg, *plan.InTable:
			ok = false
		}
		return ok
	})
	return ok
}
