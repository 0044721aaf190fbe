package plan

import "strings"

// Physical is the plan after optimization: the logical plan with the
// physical choices the optimizer made. Code generation consumes it.
type Physical struct {
	App *App
	// Optimized is false when the optimizer ran with all rewrites disabled (-O0).
	Optimized bool
	// Fired lists the rules that changed the plan, in the order they ran.
	Fired []RuleCount
	// PatternIndexes lists the pattern states whose waiting runs are
	// indexed by a correlation key (optimizer/physical).
	PatternIndexes map[*State]*PatternIndex
	// JoinIndexes lists the stream-stream joins whose windows are hash
	// indexed on equality keys of ON (optimizer/physical); other joins scan.
	JoinIndexes map[*Query]*JoinIndex
	// TableSearches lists the table searches that look rows up in a hash
	// index, by the search's condition; other searches scan the table.
	TableSearches map[Expr]*TableSearch
	// TableIndexes lists, per table, the secondary indexes those searches
	// use (the primary key's index is not listed: keyed tables keep it).
	TableIndexes map[*Table][]*TableIndex
	// Warnings are facts about the plan worth a user's attention, such as
	// pattern state that can grow without bound.
	Warnings []string
}

// RuleCount is how often one optimizer rule fired.
type RuleCount struct {
	Rule  string
	Count int
}

// PatternIndex is the optimizer's choice to keep the runs waiting at one
// pattern state in a hash table keyed on a correlation value: an event
// then visits only the runs whose key equals its own. EventKey reads the
// candidate event only; RunKey reads captured events of earlier aliases
// only; the state's filter has EventKey = RunKey as a conjunct.
type PatternIndex struct {
	EventKey, RunKey Expr
}

// IndexOf returns the index chosen for state s, nil for none.
func (p *Physical) IndexOf(s *State) *PatternIndex {
	if p == nil || p.PatternIndexes == nil {
		return nil
	}
	return p.PatternIndexes[s]
}

// JoinIndex is the optimizer's choice to keep each side's exposed window
// events of a join in a hash table keyed on the ON equalities
// Left[i] = Right[i]: Left[i] reads the left side only, Right[i] the right
// side only. A probe from one side looks up its own key expressions'
// values in the other side's table.
type JoinIndex struct {
	Left, Right []Expr
}

// JoinIndexOf returns the index chosen for join query q, nil for none.
func (p *Physical) JoinIndexOf(q *Query) *JoinIndex {
	if p == nil || p.JoinIndexes == nil {
		return nil
	}
	return p.JoinIndexes[q]
}

// TableIndex is a hash index of a table on columns Cols (ordinals,
// ascending): for each combination of their values, the rows holding it
// in table order. PrimaryKey marks the primary key's own index, which
// every keyed table keeps; the others are secondary indexes the optimizer
// adds for searches that fix their columns.
type TableIndex struct {
	Table      *Table
	Cols       []int
	PrimaryKey bool
}

// ColNames lists the names of t's columns cols, comma-separated.
func (t *Table) ColNames(cols []int) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = t.Attrs[c].Name
	}
	return strings.Join(names, ", ")
}

// TableSearch is the optimizer's choice for one search of a table's rows
// (an UPDATE or DELETE condition, an UPSERT ON, the ON of a join with a
// table side, a (cond) IN T): look up in Index the row of values Keys,
// Keys[i] being what the condition requires column Index.Cols[i] to equal.
// Keys never read the searched row. The whole condition is still tested
// on every row found.
type TableSearch struct {
	Index *TableIndex
	Keys  []Expr
}

// TableSearchOf returns the choice for the search with condition cond
// (by identity), nil for a scan.
func (p *Physical) TableSearchOf(cond Expr) *TableSearch {
	if p == nil || p.TableSearches == nil || cond == nil {
		return nil
	}
	return p.TableSearches[cond]
}

// SecondaryIndexes returns the secondary indexes chosen for table t.
func (p *Physical) SecondaryIndexes(t *Table) []*TableIndex {
	if p == nil {
		return nil
	}
	return p.TableIndexes[t]
}
