package rt

// Type is an attribute type as drivers see it.
type Type uint8

const (
	Int Type = iota + 1
	Long
	Float
	Double
	String
	Bool
)

var typeNames = [...]string{"", "INT", "LONG", "FLOAT", "DOUBLE", "STRING", "BOOL"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "?"
}

// Attribute is one column of a stream's schema.
type Attribute struct {
	Name string
	Type Type
}

// StreamInfo describes a stream of a generated app.
type StreamInfo struct {
	Name  string
	Attrs []Attribute
	// Input is true when events may be sent to the stream (declared and
	// inferred streams; not triggers, tables or inner streams).
	Input bool
	// Output is true when some query inserts into the stream: drivers
	// print these streams by default.
	Output bool
}

// Format selects how an output event is encoded for a generic subscriber.
type Format uint8

const (
	// FormatObject encodes {"attr": value, ...} in attribute order.
	FormatObject Format = iota
	// FormatArray encodes [value, ...] in attribute order.
	FormatArray
)

// Program is implemented by every generated App. Drivers (stdin/stdout,
// test runners, Kafka) use it; embedders call the typed methods instead.
type Program interface {
	// Streams lists every stream in definition order.
	Streams() []StreamInfo
	// SendJSON decodes a JSON object with attributes by name (missing
	// attributes are null) and delivers it to stream at time ts.
	SendJSON(stream string, ts int64, obj []byte) error
	// SendJSONArray decodes a JSON array of attribute values in declared
	// order and delivers it to stream at time ts.
	SendJSONArray(stream string, ts int64, arr []byte) error
	// Subscribe calls fn with every event delivered to stream, encoded in f.
	// The byte slice is valid only during the call.
	Subscribe(stream string, f Format, fn func(ts int64, b []byte)) error
	// AdvanceTo fires every timer due at or before ts.
	AdvanceTo(ts int64)
	// NextDeadline reports the due time of the earliest pending timer.
	NextDeadline() (int64, bool)
}

// Parallel is implemented by every generated App: whether several copies of
// the app can share the input by key, and how to route an event. When
// NotParallel is "", events of different partition keys never meet, so a
// driver may run N copies (each single-threaded) and send each event to
// copy RouteJSON(...) % N: per-key outputs are those of one App.
type Parallel interface {
	// NotParallel is "" when the app can run as several copies, otherwise
	// the reason, naming the statement that prevents it.
	NotParallel() string
	// RouteJSON decodes a JSON object event of stream and returns the hash
	// of its partition key's text; events that no partition keeps state for
	// hash to 0.
	RouteJSON(stream string, obj []byte) (uint64, error)
}

// HashString is the FNV-1a hash of s: the routing hash of a partition key.
func HashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
