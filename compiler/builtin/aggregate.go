// The aggregate functions of LANGUAGE.md §6.1.
package builtin

import (
	"fmt"
	"strings"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// Aggregate is an aggregate function.
type Aggregate struct {
	Name string // upper-case, as in error messages: COUNT, SUM, ...
	Kind plan.AggKind
	Doc  string
}

var aggregates = map[string]*Aggregate{}

// distinctAggregates are the aggregates of NAME(DISTINCT x).
var distinctAggregates = map[string]*Aggregate{
	"COUNT": {Name: "COUNT", Kind: plan.AggDistinctCount, Doc: "COUNT(DISTINCT x): number of distinct non-null x; 0 when none."},
	"SUM":   {Name: "SUM", Kind: plan.AggSumDistinct, Doc: "SUM(DISTINCT x): sum of the distinct non-null x (INT/LONG → LONG, FLOAT/DOUBLE → DOUBLE); null when none."},
}

func init() {
	for _, a := range []*Aggregate{
		{"COUNT", plan.AggCount, "COUNT(*) or COUNT(): number of events held; COUNT(x): number of non-null x. LONG, 0 when none."},
		{"DISTINCTCOUNT", plan.AggDistinctCount, "Number of distinct non-null values, as LONG; 0 when none."},
		{"SUM", plan.AggSum, "Sum of the non-null values: INT/LONG → LONG (wraps), FLOAT/DOUBLE → DOUBLE; null when none."},
		{"AVG", plan.AggAvg, "Mean of the non-null values, as DOUBLE; null when none."},
		{"MIN", plan.AggMin, "Least non-null value, of the argument's numeric type; null when none."},
		{"MAX", plan.AggMax, "Greatest non-null value, of the argument's numeric type; null when none."},
		{"STDDEV", plan.AggStdDev, "Population standard deviation, as DOUBLE (0.0 for one value); null when none."},
		{"VARIANCE", plan.AggVariance, "Population variance, as DOUBLE; null when none."},
		{"FIRST", plan.AggFirst, "Oldest held non-null value, of the argument's type; null when none."},
		{"LAST", plan.AggLast, "Newest held non-null value, of the argument's type; null when none."},
		{"MINFOREVER", plan.AggMinForever, "Least value ever added (not affected by expiry or reset); null until the first."},
		{"MAXFOREVER", plan.AggMaxForever, "Greatest value ever added (not affected by expiry or reset); null until the first."},
		{"AND", plan.AggAnd, "True iff at least one true and no false BOOL is held; false when none."},
		{"OR", plan.AggOr, "True iff at least one true BOOL is held; false when none."},
	} {
		aggregates[a.Name] = a
	}
}

// IsAggregateName reports whether name (case-insensitive) names an aggregate.
func IsAggregateName(name string) bool {
	return aggregates[strings.ToUpper(name)] != nil
}

// LookupAggregate returns the aggregate NAME(x) or, if distinct,
// NAME(DISTINCT x); nil if there is none (DISTINCT is allowed for COUNT and
// SUM only).
func LookupAggregate(name string, distinct bool) *Aggregate {
	if distinct {
		return distinctAggregates[strings.ToUpper(name)]
	}
	return aggregates[strings.ToUpper(name)]
}

// Resolve returns the result type of the aggregate applied to an argument
// of type arg, or to no argument when star (COUNT(*), COUNT()).
// types.Null arguments are accepted (numeric aggregates then compute in
// DOUBLE; FIRST/LAST yield the null type); types.Invalid arguments are
// accepted silently.
func (a *Aggregate) Resolve(arg types.Type, star bool) (types.Type, error) {
	if star {
		if a.Kind == plan.AggCount {
			return types.Long, nil
		}
		return types.Invalid, fmt.Errorf("aggregate %s requires an argument", a.Name)
	}
	want := ""
	res := arg
	switch a.Kind {
	case plan.AggCount, plan.AggDistinctCount:
		return types.Long, nil
	case plan.AggFirst, plan.AggLast:
		return arg, nil
	case plan.AggAnd, plan.AggOr:
		want, res = "BOOL", types.Bool
		if arg == types.Bool || arg == types.Null || arg == types.Invalid {
			return res, nil
		}
	case plan.AggSum, plan.AggSumDistinct:
		want = "numeric"
		switch arg {
		case types.Int, types.Long:
			return types.Long, nil
		case types.Float, types.Double, types.Null:
			return types.Double, nil
		case types.Invalid:
			return types.Invalid, nil
		}
	case plan.AggAvg, plan.AggStdDev, plan.AggVariance:
		want, res = "numeric", types.Double
		if arg.IsNumeric() || arg == types.Null || arg == types.Invalid {
			return res, nil
		}
	default: // MIN, MAX, MINFOREVER, MAXFOREVER
		want = "numeric"
		if arg == types.Null {
			return types.Double, nil
		}
		if arg.IsNumeric() || arg == types.Invalid {
			return arg, nil
		}
	}
	return types.Invalid, fmt.Errorf("aggregate %s: argument must be %s, got %s", a.Name, want, arg)
}
