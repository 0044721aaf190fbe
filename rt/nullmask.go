// Package rt is the thin runtime that generated code calls. It imports no
// compiler package and nothing outside the standard library.
package rt

// NullMask records which attributes of an event are null: bit i set means
// attribute i is null. Events have at most 64 attributes.
type NullMask uint64

// Is reports whether attribute i is null.
func (m NullMask) Is(i int) bool { return m&(1<<uint(i)) != 0 }

// Set marks attribute i null.
func (m *NullMask) Set(i int) { *m |= 1 << uint(i) }

// Clear marks attribute i non-null.
func (m *NullMask) Clear(i int) { *m &^= 1 << uint(i) }
