package plan

import (
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/types"
)

// Expr is a typed, resolved expression. Every node knows its static type;
// a Null-typed node is the NULL literal. Implicit widening is explicit in
// the tree as *Convert nodes, so both operands of a binary node have one type.
type Expr interface {
	Type() types.Type
	Pos() source.Pos
}

// Node carries what every expression has.
type Node struct {
	T types.Type
	P source.Pos
}

func (n *Node) Type() types.Type { return n.T }
func (n *Node) Pos() source.Pos  { return n.P }

// Const is a literal or folded constant. The field matching T holds the
// value: Int for INT/LONG, Float for FLOAT/DOUBLE, Str, Bool. A Const of
// any type may be null (IsNull); the NULL literal has type Null.
type Const struct {
	Node
	IsNull bool
	Int    int64
	Float  float64
	Str    string
	Bool   bool
}

// Ref reads attribute Attr of source Source (the query's sources: 0 for a
// single stream, 0/1 for join sides, the alias index in a pattern).
// Index applies to counted pattern elements: e[Index] or e[last - Back].
type Ref struct {
	Node
	Source int
	Attr   int
	Name   string // attribute name, for printing
	Qual   string // qualifier as written (alias or stream), for printing
	Index  *Index // nil when not indexed
	// TableRow marks a reference to the table row under test in an UPDATE /
	// DELETE / UPSERT condition or an IN-table condition.
	TableRow bool
	// Nest tells which row a TableRow reference reads when rows nest: 0 is
	// the outermost (a mutation's row, or an IN table's outside one), an IN
	// table inside the scope of a row reads its own row at that row's Nest
	// + 1 (UPDATE T SET f = T.k IN U: T.k is at 0, U's row at 1).
	Nest int
}

// Index is a counted-element index: e[N] (Last false) or e[last - N].
type Index struct {
	N    int
	Last bool
}

// OutRef reads output column Col (HAVING, ORDER BY, UPSERT ON).
type OutRef struct {
	Node
	Col  int
	Name string
}

// Op is an operator.
type Op uint8

const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpDiv
	OpMod
	OpEq
	OpNe
	OpLt
	OpLe
	OpGt
	OpGe
	OpAnd
	OpOr
	OpNot // unary
	OpNeg // unary
)

var opNames = [...]string{"+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "AND", "OR", "NOT", "-"}

func (o Op) String() string { return opNames[o] }

// IsComparison reports whether o is one of = != < <= > >=.
func (o Op) IsComparison() bool { return o >= OpEq && o <= OpGe }

// IsArith reports whether o is one of + - * / %.
func (o Op) IsArith() bool { return o <= OpMod }

// Binary is L op R. Arithmetic: L, R and the result share one numeric type.
// Comparison: L and R share one type, the result is BOOL. AND/OR: BOOL.
type Binary struct {
	Node
	Op   Op
	L, R Expr
}

// Unary is NOT x (BOOL) or -x (numeric).
type Unary struct {
	Node
	Op Op
	X  Expr
}

// Convert converts X to type T. Implicit conversions (Explicit false) only
// widen numerics; explicit ones follow CAST/CONVERT (§13.5).
type Convert struct {
	Node
	X        Expr
	Explicit bool
}

// IsNull is x IS [NOT] NULL; never null.
type IsNull struct {
	Node
	X   Expr
	Not bool
}

// InList is x IN (list...); x and the list share one type (§2.2 null rules).
type InList struct {
	Node
	X    Expr
	List []Expr
}

// When is one WHEN cond THEN val arm of a searched CASE.
type When struct {
	Cond, Val Expr
}

// Case is a searched CASE (simple CASE is rewritten to x = w conditions).
// Also used for NULLIF and IFTHENELSE. Values share the result type.
type Case struct {
	Node
	Whens []When
	Else  Expr // nil: null
}

// Coalesce returns the first non-null argument (COALESCE, DEFAULT, IFNULL).
type Coalesce struct {
	Node
	Args []Expr
}

// Extreme is MAXIMUM/MINIMUM: the greatest/least non-null argument.
type Extreme struct {
	Node
	Args []Expr
	Min  bool
}

// Call calls a stdlib function. Unless NullSafe, any null argument makes
// the result null without calling; Partial functions return (value, ok)
// and !ok means null.
type Call struct {
	Node
	Name     string // canonical upper-case name, for printing
	Func     string // Go function name in package stdlib
	Args     []Expr // already converted to the parameter types
	Partial  bool
	Variadic bool // the last parameter is variadic (...T)
}

// Like is x LIKE pattern.
type Like struct {
	Node
	X, Pattern Expr
}

// EventTime is EVENTTIMESTAMP() (Source -1) or EVENTTIMESTAMP(alias).
type EventTime struct {
	Node
	Source int
}

// Now is NOW() / CURRENTTIMEMILLIS(): the engine clock.
type Now struct{ Node }

// AggKind enumerates the aggregate functions of §6.1.
type AggKind uint8

const (
	AggCount AggKind = iota // COUNT(*) when Arg is nil
	AggDistinctCount
	AggSum
	AggSumDistinct
	AggAvg
	AggMin
	AggMax
	AggStdDev
	AggVariance
	AggFirst
	AggLast
	AggMinForever
	AggMaxForever
	AggAnd
	AggOr
)

var aggNames = [...]string{"COUNT", "DISTINCTCOUNT", "SUM", "SUM_DISTINCT", "AVG", "MIN", "MAX",
	"STDDEV", "VARIANCE", "FIRST", "LAST", "MINFOREVER", "MAXFOREVER", "AND", "OR"}

func (k AggKind) String() string { return aggNames[k] }

// Agg is an aggregate call; ID numbers the distinct aggregates of a query.
type Agg struct {
	Node
	Kind AggKind
	Arg  Expr // nil for COUNT(*)
	ID   int
}

// InTable is (cond) IN T: true iff some row of T makes Cond true. In Cond,
// refs with TableRow read the row; others read the current event.
type InTable struct {
	Node
	Table *Table
	Cond  Expr
	Nest  int // the Nest of the references to T's row in Cond (see Ref)
}
