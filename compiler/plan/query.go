package plan

import "github.com/efluxc/efluxc/compiler/source"

// QueryKind distinguishes inserting queries from table statements.
type QueryKind uint8

const (
	Insert QueryKind = iota // INSERT INTO stream or table
	Update                  // UPDATE T SET ... FROM S WHERE ...
	Delete                  // DELETE FROM T USING S WHERE ...
	Upsert                  // UPSERT INTO T SELECT ... ON ...
)

// EventKind selects which events a query emits (§4.5).
type EventKind uint8

const (
	CurrentEvents EventKind = iota
	ExpiredEvents
	AllEvents
)

// Query is one query or table statement. Expressions inside refer to the
// query's Sources by index (see Ref).
type Query struct {
	Name string // unique Go-friendly name: q<N> (N = 1-based source order)
	Kind QueryKind
	Pos  source.Pos
	Line int // source line of the statement, for generated comments

	Input Input // *StreamInput, *JoinInput or *PatternInput

	// Where filters input events (stream queries) or joined rows/matches.
	Where Expr

	Select      []*OutCol
	Aggregating bool   // SELECT or HAVING contains an aggregate
	GroupBy     []*Ref // source attributes
	Having      Expr   // may contain *OutRef and aggregates
	OrderBy     []*OrderItem
	Limit       int64 // -1: none
	Offset      int64 // 0: none
	Rate        *OutputRate

	Events EventKind
	// Target of an Insert/Upsert: exactly one of TargetStream, TargetTable.
	TargetStream *Stream
	TargetTable  *Table

	// Update / Delete / Upsert.
	Set []*Assignment // Update
	On  Expr          // Upsert ON (refs: source 0 = input event, TableRow = row, OutRef = output)

	Partition *Partition // set for queries inside a partition
}

// OutSchema is the query's output schema (names and types of Select).
func (q *Query) OutSchema() []Attr {
	a := make([]Attr, len(q.Select))
	for i, c := range q.Select {
		a[i] = Attr{Name: c.Name, Type: c.Expr.Type()}
	}
	return a
}

// OutCol is one output column.
type OutCol struct {
	Name string
	Expr Expr
}

// OrderItem is one ORDER BY item.
type OrderItem struct {
	Expr Expr // *OutRef or *Ref
	Desc bool
}

// Assignment is `col = expr` of UPDATE ... SET.
type Assignment struct {
	Col  int // ordinal in the table
	Expr Expr
}

// RateMode is the OUTPUT mode (§7).
type RateMode uint8

const (
	RateAll RateMode = iota
	RateFirst
	RateLast
	RateSnapshot
)

// OutputRate is OUTPUT [mode] EVERY n EVENTS | duration.
type OutputRate struct {
	Mode   RateMode
	Events int64 // > 0 for EVENTS
	Period int64 // ms, > 0 for durations
	Pos    source.Pos
}

// Input is where a query's events come from.
type Input interface{ input() }

func (*StreamInput) input()  {}
func (*JoinInput) input()    {}
func (*PatternInput) input() {}

// Source is one named event source of a query: a stream (or table, in a
// join) with its schema. Expressions refer to it by its index in Sources().
type Source struct {
	Alias  string // alias, or the stream/table name when there is none
	Stream *Stream
	Table  *Table
	Attrs  []Attr
}

// StreamInput is FROM S [AS a] [WINDOW(...)]. Its source has index 0.
type StreamInput struct {
	Source *Source
	Window *Window
}

// JoinKind is the join flavour.
type JoinKind uint8

const (
	InnerJoin JoinKind = iota
	LeftJoin
	RightJoin
	FullJoin
)

// JoinSide is one side of a join.
type JoinSide struct {
	Source         *Source
	Window         *Window
	Filter         Expr // WHERE conjuncts over this side only (pushed before the window)
	Unidirectional bool
}

// JoinInput is L JOIN R ON cond; the left source has index 0, the right 1.
type JoinInput struct {
	Kind        JoinKind
	Left, Right *JoinSide
	On          Expr
}

// Window is WINDOW('kind', params...).
type Window struct {
	Kind   WindowKind
	Params []Expr // constants (folded) and *Ref for attribute parameters
	Pos    source.Pos
}

// WindowKind enumerates the windows of §5.
type WindowKind uint8

const (
	WinLength WindowKind = iota
	WinLengthBatch
	WinTime
	WinTimeBatch
	WinTimeLength
	WinExternalTime
	WinExternalTimeBatch
	WinSliding
	WinSession
	WinSort
	WinUnique
	WinFirstUnique
	WinDelay
	WinFrequent
	WinLossyFrequent
	WinExpression
	WinCron
)

var windowNames = [...]string{"length", "lengthBatch", "time", "timeBatch", "timeLength",
	"externalTime", "externalTimeBatch", "sliding", "session", "sort", "unique",
	"firstUnique", "delay", "frequent", "lossyFrequent", "expression", "cron"}

func (k WindowKind) String() string { return windowNames[k] }

// ParseWindowKind maps a window name (case-insensitive; tumbling = timeBatch,
// hop = sliding) to its kind.
func ParseWindowKind(name string) (WindowKind, bool) {
	switch lower(name) {
	case "tumbling":
		return WinTimeBatch, true
	case "hop":
		return WinSliding, true
	}
	for i, n := range windowNames {
		if lower(n) == lower(name) {
			return WindowKind(i), true
		}
	}
	return 0, false
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
