// Package plan is the typed logical plan (the IR) that the checker builds and
// the optimizer and code generator consume. It never imports syntax or check:
// names are resolved to pointers and ordinals, types to types.Type.
package plan

import (
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/types"
)

// App is one compiled application.
type App struct {
	Name       string // file name without extension, e.g. "stock"
	File       string // file name as given to the compiler
	Streams    []*Stream
	Tables     []*Table
	Triggers   []*Trigger
	Queries    []*Query // top-level queries and table statements, in source order
	Partitions []*Partition
	// Statements lists queries and partitions in source order: the order in
	// which they subscribe to streams (§4.6).
	Statements []Statement
}

// Statement is a *Query or a *Partition.
type Statement interface{ stmt() }

func (*Query) stmt()     {}
func (*Partition) stmt() {}

// Attr is one attribute of a schema.
type Attr struct {
	Name string
	Type types.Type
}

// StreamKind says where a stream's definition came from.
type StreamKind uint8

const (
	Declared      StreamKind = iota // CREATE STREAM
	Inferred                        // first INSERT INTO an undefined name
	TriggerStream                   // CREATE TRIGGER: one LONG attribute triggered_time
	InnerStream                     // #Name inside a partition
)

// Stream is a named stream of events.
type Stream struct {
	Name  string
	Kind  StreamKind
	Attrs []Attr
	With  []Property
	Pos   source.Pos
	// Partition is set for inner streams: the partition that owns them.
	Partition *Partition
}

// Property is one WITH (key = value) pair, value as source text.
type Property struct {
	Key, Value string
	Pos        source.Pos
}

// Table is an in-memory table.
type Table struct {
	Name       string
	Attrs      []Attr
	PrimaryKey []int // attribute ordinals, empty when there is none
	With       []Property
	Pos        source.Pos
}

// TriggerKind is when a trigger fires.
type TriggerKind uint8

const (
	AtStart TriggerKind = iota
	AtEvery
	AtCron
)

// Trigger is a CREATE TRIGGER; Stream is the stream it feeds.
type Trigger struct {
	Name   string
	Kind   TriggerKind
	Period int64  // AtEvery: ms
	Cron   string // AtCron: the expression
	Stream *Stream
	Pos    source.Pos
}

// Partition is PARTITION WITH (...) BEGIN ... END.
type Partition struct {
	Keys    []*PartitionKey
	Queries []*Query
	Inner   []*Stream
	Pos     source.Pos
}

// PartitionKey is how one stream is partitioned: by a value expression or
// by labelled ranges.
type PartitionKey struct {
	Stream *Stream
	Value  Expr     // value partition: evaluated over Stream's attributes (source 0)
	Ranges []*Range // range partition
	Pos    source.Pos
}

// Range is `cond AS 'label'`.
type Range struct {
	Cond  Expr
	Label string
}
