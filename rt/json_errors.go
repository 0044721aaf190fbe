package rt

import (
	"errors"
	"strconv"
)

// SyntaxError is malformed JSON.
type SyntaxError struct {
	Offset int // byte offset of the problem
	Msg    string
}

func (e *SyntaxError) Error() string {
	return "invalid JSON at offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// AttrError is a JSON value that does not fit its attribute's type.
type AttrError struct {
	Attr string
	Type Type
	Msg  string
}

func (e *AttrError) Error() string {
	return "attribute " + strconv.Quote(e.Attr) + ": expected " + e.Type.String() + ", " + e.Msg
}

// UnknownAttrError is an object key that names no attribute.
type UnknownAttrError struct {
	Stream, Attr string
}

func (e *UnknownAttrError) Error() string {
	return "stream " + e.Stream + " has no attribute " + strconv.Quote(e.Attr)
}

// CountError is an array event with the wrong number of values.
type CountError struct {
	Want, Got int
}

func (e *CountError) Error() string {
	return "expected " + strconv.Itoa(e.Want) + " values, got " + strconv.Itoa(e.Got)
}

// ErrUnknownStream is returned (wrapped) for a stream name the app lacks.
var ErrUnknownStream = errors.New("unknown stream")

// ErrNotInput is returned (wrapped) when sending to a stream that does not
// accept input events.
var ErrNotInput = errors.New("stream does not accept input events")

// UnknownStream returns an error wrapping ErrUnknownStream.
func UnknownStream(name string) error {
	return &streamError{name, ErrUnknownStream}
}

// NotInput returns an error wrapping ErrNotInput.
func NotInput(name string) error {
	return &streamError{name, ErrNotInput}
}

type streamError struct {
	name string
	err  error
}

func (e *streamError) Error() string { return e.err.Error() + " " + strconv.Quote(e.name) }
func (e *streamError) Unwrap() error { return e.err }
