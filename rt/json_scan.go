package rt

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Scanner reads the flat JSON events that generated decoders accept: one
// object of attributes by name, or one array of attribute values. It never
// builds a tree and, once warm, does not allocate for a typical event
// (repeated strings are interned).
//
// Errors are sticky, as with bufio.Scanner: after the first error every
// call is a no-op, and Finish returns that error. A Scanner is reused by
// calling Reset; the bytes passed to Reset must stay unchanged until Finish.
type Scanner struct {
	b      []byte
	i      int
	err    error
	opened bool // the '{' or '[' has been read
	n      int  // members or elements read so far
	key    []byte
	buf    []byte // scratch for unescaping
	intern map[string]string
}

// Interning keeps string decoding allocation-free when values repeat (stock
// symbols, user ids); the bounds keep memory small when they do not.
const (
	maxInternLen     = 64
	maxInternEntries = 4096
)

// Reset starts scanning b.
func (s *Scanner) Reset(b []byte) {
	s.b, s.i, s.err, s.opened, s.n, s.key = b, 0, nil, false, 0, s.key[:0]
}

// Err returns the first error, if any.
func (s *Scanner) Err() error { return s.err }

// Finish checks that only white space follows the value and returns the
// first error.
func (s *Scanner) Finish() error {
	if s.err == nil {
		s.ws()
		if s.i < len(s.b) {
			s.syntax("unexpected data after the value")
		}
	}
	return s.err
}

// Fail records err unless an error is already recorded.
func (s *Scanner) Fail(err error) {
	if s.err == nil {
		s.err = err
	}
}

func (s *Scanner) syntax(msg string) {
	s.Fail(&SyntaxError{Offset: s.i, Msg: msg})
}

func (s *Scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, 0 at the end.
func (s *Scanner) peek() byte {
	s.ws()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *Scanner) expect(c byte, what string) bool {
	if s.peek() != c {
		s.syntax("expected " + what)
		return false
	}
	s.i++
	return true
}

// NextKey advances to the next member of an object and reports whether
// there is one; Key returns its name. The first call reads the '{'.
func (s *Scanner) NextKey() bool {
	if s.err != nil {
		return false
	}
	if !s.opened {
		s.opened = true
		if !s.expect('{', "a JSON object") {
			return false
		}
	}
	if s.peek() == '}' {
		s.i++
		return false
	}
	if s.n > 0 && !s.expect(',', "',' or '}'") {
		return false
	}
	s.n++
	if s.peek() != '"' {
		s.syntax("expected a string key")
		return false
	}
	key, ok := s.str()
	if !ok {
		return false
	}
	s.key = append(s.key[:0], key...)
	return s.expect(':', "':'")
}

// Key is the name of the current object member; valid until the next call.
func (s *Scanner) Key() []byte { return s.key }

// UnknownKey records that the current key names no attribute of stream.
func (s *Scanner) UnknownKey(stream string) {
	s.Fail(&UnknownAttrError{Stream: stream, Attr: string(s.key)})
}

// Elem advances to element i of an array that must have n elements. The
// first call reads the '['.
func (s *Scanner) Elem(n int) bool {
	if s.err != nil {
		return false
	}
	if !s.opened {
		s.opened = true
		if !s.expect('[', "a JSON array") {
			return false
		}
	}
	if s.peek() == ']' {
		s.Fail(&CountError{Want: n, Got: s.n})
		return false
	}
	if s.n > 0 && !s.expect(',', "',' or ']'") {
		return false
	}
	s.n++
	return true
}

// EndArray reads the ']' of an array that must have n elements.
func (s *Scanner) EndArray(n int) {
	if s.err != nil {
		return
	}
	if !s.opened {
		// n == 0: no Elem call has read the '['.
		s.opened = true
		if !s.expect('[', "a JSON array") {
			return
		}
	}
	if s.peek() != ']' {
		// Count the surplus values for the message.
		got := s.n
		for s.err == nil && s.peek() != ']' {
			if got > 0 && !s.expect(',', "',' or ']'") {
				return
			}
			s.Raw()
			got++
		}
		s.Fail(&CountError{Want: n, Got: got})
		return
	}
	s.i++
}

// null consumes a JSON null if one comes next.
func (s *Scanner) null() bool {
	if s.peek() == 'n' {
		if s.lit("null") {
			return true
		}
	}
	return false
}

func (s *Scanner) lit(w string) bool {
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	s.syntax("invalid literal")
	return false
}

// kind names the JSON value starting at the next byte, for error messages.
func (s *Scanner) kind() string {
	switch s.peek() {
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 0:
		return "nothing"
	}
	if c := s.peek(); c == '-' || '0' <= c && c <= '9' {
		return "a number"
	}
	return "invalid JSON"
}

func (s *Scanner) typeErr(attr string, t Type, got string) {
	s.Fail(&AttrError{Attr: attr, Type: t, Msg: "got " + got})
}

// number scans a JSON number token; integral is false when it has a
// fraction or an exponent.
func (s *Scanner) number() (tok []byte, integral, ok bool) {
	start := s.i
	b := s.b
	i := s.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() bool {
		j := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > j
	}
	if !digits() || b[start] == '0' && i-start > 1 || b[start] == '-' && b[start+1] == '0' && i-start > 2 {
		s.syntax("invalid number")
		return nil, false, false
	}
	integral = true
	if i < len(b) && b[i] == '.' {
		i++
		integral = false
		if !digits() {
			s.syntax("invalid number")
			return nil, false, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		integral = false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			s.syntax("invalid number")
			return nil, false, false
		}
	}
	s.i = i
	return b[start:i], integral, true
}

// integer reads an integral number in [lo, hi] for attribute attr.
func (s *Scanner) integer(attr string, t Type, lo, hi int64) (int64, bool) {
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		s.typeErr(attr, t, s.kind())
		return 0, false
	}
	tok, integral, ok := s.number()
	if !ok {
		return 0, false
	}
	if !integral {
		s.Fail(&AttrError{Attr: attr, Type: t, Msg: string(tok) + " is not an integer"})
		return 0, false
	}
	neg := tok[0] == '-'
	if neg {
		tok = tok[1:]
	}
	var u uint64
	for _, c := range tok {
		d := uint64(c - '0')
		if u > (1<<64-1-d)/10 {
			u = 1<<64 - 1
			break
		}
		u = u*10 + d
	}
	var v int64
	switch {
	case neg && u <= 1<<63:
		v = int64(-u)
	case !neg && u < 1<<63:
		v = int64(u)
	default:
		s.rangeErr(attr, t, neg, tok)
		return 0, false
	}
	if v < lo || v > hi {
		s.rangeErr(attr, t, neg, tok)
		return 0, false
	}
	return v, true
}

func (s *Scanner) rangeErr(attr string, t Type, neg bool, tok []byte) {
	n := string(tok)
	if neg {
		n = "-" + n
	}
	s.Fail(&AttrError{Attr: attr, Type: t, Msg: n + " is out of range"})
}

func (s *Scanner) float(attr string, t Type, bits int) (float64, bool) {
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		s.typeErr(attr, t, s.kind())
		return 0, false
	}
	tok, _, ok := s.number()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(tok), bits)
	if err != nil {
		s.Fail(&AttrError{Attr: attr, Type: t, Msg: string(tok) + " is out of range"})
		return 0, false
	}
	return v, true
}

// ReadInt reads the value of INT attribute i (named attr) into *v, or
// marks it null in *m.
func (s *Scanner) ReadInt(v *int32, m *NullMask, i int, attr string) {
	if s.err != nil {
		return
	}
	if s.null() {
		m.Set(i)
		return
	}
	if x, ok := s.integer(attr, Int, -1<<31, 1<<31-1); ok {
		*v = int32(x)
		m.Clear(i)
	}
}

// ReadLong reads the value of LONG attribute i.
func (s *Scanner) ReadLong(v *int64, m *NullMask, i int, attr string) {
	if s.err != nil {
		return
	}
	if s.null() {
		m.Set(i)
		return
	}
	if x, ok := s.integer(attr, Long, -1<<63, 1<<63-1); ok {
		*v = x
		m.Clear(i)
	}
}

// ReadFloat reads the value of FLOAT attribute i; integers are accepted.
func (s *Scanner) ReadFloat(v *float32, m *NullMask, i int, attr string) {
	if s.err != nil {
		return
	}
	if s.null() {
		m.Set(i)
		return
	}
	if x, ok := s.float(attr, Float, 32); ok {
		*v = float32(x)
		m.Clear(i)
	}
}

// ReadDouble reads the value of DOUBLE attribute i; integers are accepted.
func (s *Scanner) ReadDouble(v *float64, m *NullMask, i int, attr string) {
	if s.err != nil {
		return
	}
	if s.null() {
		m.Set(i)
		return
	}
	if x, ok := s.float(attr, Double, 64); ok {
		*v = x
		m.Clear(i)
	}
}

// ReadBool reads the value of BOOL attribute i.
func (s *Scanner) ReadBool(v *bool, m *NullMask, i int, attr string) {
	if s.err != nil {
		return
	}
	switch s.peek() {
	case 'n':
		if s.lit("null") {
			m.Set(i)
		}
	case 't':
		if s.lit("true") {
			*v = true
			m.Clear(i)
		}
	case 'f':
		if s.lit("false") {
			*v = false
			m.Clear(i)
		}
	default:
		s.typeErr(attr, Bool, s.kind())
	}
}

// ReadString reads the value of STRING attribute i.
func (s *Scanner) ReadString(v *string, m *NullMask, i int, attr string) {
	if s.err != nil {
		return
	}
	if s.null() {
		m.Set(i)
		return
	}
	if s.peek() != '"' {
		s.typeErr(attr, String, s.kind())
		return
	}
	if b, ok := s.str(); ok {
		*v = s.internString(b)
		m.Clear(i)
	}
}

// String reads a JSON string value (for drivers reading envelopes).
func (s *Scanner) String() (string, bool) {
	if s.err != nil {
		return "", false
	}
	if s.peek() != '"' {
		s.syntax("expected a string")
		return "", false
	}
	b, ok := s.str()
	if !ok {
		return "", false
	}
	return s.internString(b), true
}

// Int64 reads an integral JSON number (for drivers reading envelopes).
func (s *Scanner) Int64(what string) (int64, bool) {
	if s.err != nil {
		return 0, false
	}
	return s.integer(what, Long, -1<<63, 1<<63-1)
}

func (s *Scanner) internString(b []byte) string {
	if v, ok := s.intern[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(b) <= maxInternLen {
		if s.intern == nil {
			s.intern = make(map[string]string)
		}
		if len(s.intern) < maxInternEntries {
			s.intern[v] = v
		}
	}
	return v
}

// str reads a JSON string at s.i (which holds '"') and returns its
// unescaped bytes, which alias the input or the scratch buffer.
func (s *Scanner) str() ([]byte, bool) {
	b := s.b
	start := s.i + 1
	i := start
	for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
		i++
	}
	if i < len(b) && b[i] == '"' {
		s.i = i + 1
		return b[start:i], true
	}
	// Slow path: escapes (or an error).
	out := append(s.buf[:0], b[start:i]...)
	for {
		if i >= len(b) {
			s.i = i
			s.syntax("unterminated string")
			return nil, false
		}
		c := b[i]
		switch {
		case c == '"':
			s.i = i + 1
			s.buf = out
			return out, true
		case c < 0x20:
			s.i = i
			s.syntax("control character in string")
			return nil, false
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(b) {
			s.i = i
			s.syntax("unterminated string")
			return nil, false
		}
		i += 2
		switch b[i-1] {
		case '"', '\\', '/':
			out = append(out, b[i-1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, n := hex4(b[i:])
			if n < 0 {
				s.i = i
				s.syntax("invalid \\u escape")
				return nil, false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, n2 := hex4(b[min(i+2, len(b)):]); n2 >= 0 && i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						r = d
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			s.i = i - 1
			s.syntax("invalid escape")
			return nil, false
		}
	}
}

func hex4(b []byte) (rune, int) {
	if len(b) < 4 {
		return 0, -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, -1
		}
		r = r<<4 | rune(c)
	}
	return r, 4
}

// Raw skips the next JSON value and returns its bytes (for drivers that
// pass a nested value on).
func (s *Scanner) Raw() []byte {
	if s.err != nil {
		return nil
	}
	s.ws()
	start := s.i
	s.skip(0)
	if s.err != nil {
		return nil
	}
	return s.b[start:s.i]
}

const maxDepth = 1000

func (s *Scanner) skip(depth int) {
	if depth > maxDepth {
		s.syntax("nesting too deep")
		return
	}
	switch c := s.peek(); {
	case c == '"':
		s.str()
	case c == 'n':
		s.lit("null")
	case c == 't':
		s.lit("true")
	case c == 'f':
		s.lit("false")
	case c == '-' || '0' <= c && c <= '9':
		s.number()
	case c == '{' || c == '[':
		s.skipComposite(c, depth)
	default:
		s.syntax("expected a JSON value")
	}
}

func (s *Scanner) skipComposite(open byte, depth int) {
	close := byte('}')
	if open == '[' {
		close = ']'
	}
	s.i++
	if s.peek() == close {
		s.i++
		return
	}
	for s.err == nil {
		if open == '{' {
			if s.peek() != '"' {
				s.syntax("expected a string key")
				return
			}
			s.str()
			if !s.expect(':', "':'") {
				return
			}
		}
		s.skip(depth + 1)
		switch s.peek() {
		case ',':
			s.i++
		case close:
			s.i++
			return
		default:
			s.syntax("expected ',' or '" + string(close) + "'")
		}
	}
}
