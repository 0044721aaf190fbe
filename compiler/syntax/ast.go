// Package syntax parses EventFlux SQL (LANGUAGE.md) into an AST whose nodes
// carry source positions. Parse is the single entry point.
package syntax

import "github.com/efluxc/efluxc/compiler/source"

// File is a parsed application.
type File struct {
	Name       string
	Statements []Stmt
}

// Stmt is one top-level statement: *StreamDef, *TableDef, *TriggerDef,
// *Query, *UpdateStmt, *DeleteStmt, *UpsertStmt (an Upsert is also written
// UPDATE OR INSERT INTO) or *PartitionStmt.
type Stmt interface{ StmtPos() source.Pos }

// Ident is a name with its position. Quoted identifiers are unquoted.
type Ident struct {
	Pos  source.Pos
	Name string
}

// Column is `name TYPE [PRIMARY KEY]`.
type Column struct {
	Name       Ident
	Type       TypeName
	PrimaryKey bool // column suffix PRIMARY KEY (tables only)
}

// TypeName is a type as written (INT, INTEGER, VARCHAR(20) ...); Name is the
// spelling without the length.
type TypeName struct {
	Pos  source.Pos
	Name string
}

// Property is one WITH clause entry; Value is the source text of a string
// (unquoted), number, TRUE/FALSE or identifier.
type Property struct {
	Pos   source.Pos
	Key   string // dotted keys joined with "."
	Value string
}

// StreamDef is CREATE|DEFINE STREAM.
type StreamDef struct {
	Pos     source.Pos
	Name    Ident
	Columns []Column
	With    []Property
}

// TableDef is CREATE|DEFINE TABLE.
type TableDef struct {
	Pos        source.Pos
	Name       Ident
	Columns    []Column
	PrimaryKey []Ident    // PRIMARY KEY (a, b) table item; nil when absent
	PKPos      source.Pos // position of that PRIMARY KEY item
	With       []Property
}

// TriggerDef is CREATE TRIGGER name AT START | EVERY expr | CRON 'expr'.
type TriggerDef struct {
	Pos     source.Pos
	Name    Ident
	Start   bool
	Every   Expr   // nil unless AT EVERY
	Cron    string // set for AT CRON
	CronPos source.Pos
}

// EventKind of an INSERT clause.
type EventKind int

const (
	CurrentEvents EventKind = iota // INSERT INTO or INSERT CURRENT EVENTS INTO
	ExpiredEvents
	AllEvents
)

// Query is INSERT [kind] INTO target SELECT ... (leading or trailing insert).
type Query struct {
	Pos    source.Pos // position of the first token
	Events EventKind
	// ExplicitCurrent is set for INSERT CURRENT EVENTS INTO (OUTPUT SNAPSHOT
	// rejects it, while plain INSERT INTO means the same events).
	ExplicitCurrent bool
	Target          Ident // inner streams keep their '#': "#Inner"
	Select          *Select
}

// Select is the select body.
type Select struct {
	Pos        source.Pos
	Star       bool         // SELECT *
	Items      []SelectItem // when not Star
	From       Source
	Where      Expr
	GroupBy    []Expr // attribute references (*Name or *Qualified)
	GroupByPos source.Pos
	Having     Expr
	OrderBy    []OrderItem
	Limit      *IntClause
	Offset     *IntClause
	Output     *OutputRate
}

// IntClause is LIMIT/OFFSET with its value expression as written; the checker
// requires a non-negative integer literal.
type IntClause struct {
	Pos   source.Pos
	Value Expr
}

// SelectItem is `expr [AS alias]` or `q.*` (Expr is then *QualifiedStar).
type SelectItem struct {
	Expr  Expr
	Alias *Ident
}

// OrderItem is `expr [ASC|DESC]`.
type OrderItem struct {
	Expr Expr
	Desc bool
}

// RateMode is the OUTPUT mode.
type RateMode int

const (
	RateAll RateMode = iota // OUTPUT EVERY or OUTPUT ALL EVERY
	RateFirst
	RateLast
	RateSnapshot
)

// OutputRate is OUTPUT [mode] EVERY (n EVENTS | duration).
type OutputRate struct {
	Pos    source.Pos
	Mode   RateMode
	Events Expr // set for `n EVENTS`
	Every  Expr // set for a duration
}

// Source is *StreamSource, *JoinSource or *PatternSource.
type Source interface{ SourcePos() source.Pos }

// StreamSource is `name [AS alias] [WINDOW(...)] [UNIDIRECTIONAL]`.
type StreamSource struct {
	Name           Ident // inner streams keep their '#'
	Alias          *Ident
	Window         *Window
	Unidirectional bool
}

// Window is WINDOW('kind', params...).
type Window struct {
	Pos    source.Pos
	Kind   Ident // the kind string, unquoted, positioned at the string
	Params []Expr
}

// JoinKind of a join.
type JoinKind int

const (
	InnerJoin JoinKind = iota
	LeftJoin
	RightJoin
	FullJoin
)

// JoinSource is `left [kind] JOIN right [ON cond]`.
type JoinSource struct {
	Pos         source.Pos // position of the JOIN keyword group
	Left, Right *StreamSource
	Kind        JoinKind
	On          Expr
}

// PatternSource is (PATTERN|SEQUENCE) ( chain ) [WITHIN expr].
type PatternSource struct {
	Pos      source.Pos
	Sequence bool
	Chain    *Chain
	Within   Expr
}

// Chain is step { (-> | ,) step }.
type Chain struct {
	Pos   source.Pos
	Steps []*Step
	// Commas[i] is true when step i+1 was joined with ',' instead of '->'.
	Commas []bool
}

// Step is [EVERY] primary; exactly one of Group, Element, Logical, Absent is set.
type Step struct {
	Pos     source.Pos
	Every   bool
	Group   *Chain   // ( chain ); a group of one step is still a Group here
	Element *Element // a=S[f] [count]
	Logical *Logical // X AND|OR Y
	Absent  *Absent  // NOT S[f] FOR d
}

// Element is `alias = Stream[filter] [count]`.
type Element struct {
	Pos    source.Pos
	Alias  Ident
	Stream Ident
	Filter Expr
	Count  *Count
}

// Count is {n}, {n,m}, {n,}, +, *, ?. Max is -1 when unbounded.
type Count struct {
	Pos      source.Pos
	Min, Max int
	Symbol   string // "+", "*", "?" when written that way, else ""
}

// Absent is NOT Stream[filter] [FOR d].
type Absent struct {
	Pos    source.Pos
	Stream Ident
	Filter Expr
	For    Expr // nil when absent
}

// Logical is Left AND|OR Right; each operand is an element or an absent element.
type Logical struct {
	Pos         source.Pos
	Or          bool
	Left, Right *Operand
}

// Operand of a logical pair: exactly one of Element, Absent.
type Operand struct {
	Element *Element
	Absent  *Absent
}

// UpdateStmt is UPDATE T [AS a] SET ... FROM S [AS b] [WHERE cond].
type UpdateStmt struct {
	Pos        source.Pos
	Table      Ident
	TableAlias *Ident
	Set        []Assignment
	From       Ident
	FromAlias  *Ident
	FromWindow *Window // present only to report it as an error
	Where      Expr
}

// Assignment is `[q.]col = expr`.
type Assignment struct {
	Qual *Ident
	Col  Ident
	Expr Expr
}

// DeleteStmt is DELETE FROM T [AS a] USING S [AS b] [WHERE cond].
type DeleteStmt struct {
	Pos         source.Pos
	Table       Ident
	TableAlias  *Ident
	Using       Ident
	UsingAlias  *Ident
	UsingWindow *Window // present only to report it as an error
	Where       Expr
}

// UpsertStmt is UPSERT INTO T select ON cond (or UPDATE OR INSERT INTO).
type UpsertStmt struct {
	Pos    source.Pos
	Table  Ident
	Select *Select
	On     Expr
}

// PartitionStmt is PARTITION WITH (keys) BEGIN statements END.
type PartitionStmt struct {
	Pos  source.Pos
	Keys []*PartitionKey
	// Body holds the statements as parsed; the checker rejects anything
	// but *Query.
	Body   []Stmt
	EndPos source.Pos
}

// PartitionKey is `expr OF S` or `cond AS 'label' {OR cond AS 'label'} OF S`.
type PartitionKey struct {
	Pos    source.Pos
	Value  Expr     // value partition
	Ranges []*Range // range partition
	Stream Ident
}

// Range is `cond AS 'label'`.
type Range struct {
	Pos   source.Pos
	Cond  Expr
	Label string
}

func (s *StreamDef) StmtPos() source.Pos     { return s.Pos }
func (s *TableDef) StmtPos() source.Pos      { return s.Pos }
func (s *TriggerDef) StmtPos() source.Pos    { return s.Pos }
func (s *Query) StmtPos() source.Pos         { return s.Pos }
func (s *UpdateStmt) StmtPos() source.Pos    { return s.Pos }
func (s *DeleteStmt) StmtPos() source.Pos    { return s.Pos }
func (s *UpsertStmt) StmtPos() source.Pos    { return s.Pos }
func (s *PartitionStmt) StmtPos() source.Pos { return s.Pos }

func (s *StreamSource) SourcePos() source.Pos  { return s.Name.Pos }
func (s *JoinSource) SourcePos() source.Pos    { return s.Left.Name.Pos }
func (s *PatternSource) SourcePos() source.Pos { return s.Pos }
