package rt

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

type ev struct {
	i    int32
	l    int64
	f    float32
	d    float64
	s    string
	b    bool
	null NullMask
}

// decode is what a generated object decoder does.
func decode(sc *Scanner, in string, e *ev) error {
	return decodeBytes(sc, []byte(in), e)
}

func decodeBytes(sc *Scanner, in []byte, e *ev) error {
	sc.Reset(in)
	*e = ev{null: 1<<6 - 1}
	for sc.NextKey() {
		switch string(sc.Key()) {
		case "i":
			sc.ReadInt(&e.i, &e.null, 0, "i")
		case "l":
			sc.ReadLong(&e.l, &e.null, 1, "l")
		case "f":
			sc.ReadFloat(&e.f, &e.null, 2, "f")
		case "d":
			sc.ReadDouble(&e.d, &e.null, 3, "d")
		case "s":
			sc.ReadString(&e.s, &e.null, 4, "s")
		case "b":
			sc.ReadBool(&e.b, &e.null, 5, "b")
		default:
			sc.UnknownKey("S")
		}
	}
	return sc.Finish()
}

func TestScanObject(t *testing.T) {
	var sc Scanner
	var e ev
	err := decode(&sc, ` { "i" : -2147483648, "l": 9223372036854775807, "f": 1.5, "d": 700, "s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "b": true } `, &e)
	if err != nil {
		t.Fatal(err)
	}
	want := ev{i: -2147483648, l: math.MaxInt64, f: 1.5, d: 700, s: "a\"\\/\b\f\n\r\té😀", b: true}
	if e != want {
		t.Errorf("got %+v\nwant %+v", e, want)
	}
	if err := decode(&sc, `{"i": null, "s": "x", "b": false}`, &e); err != nil {
		t.Fatal(err)
	}
	if e.null != 0b001111 || e.s != "x" {
		t.Errorf("nulls: got %b %+v", e.null, e)
	}
	if err := decode(&sc, `{}`, &e); err != nil || e.null != 1<<6-1 {
		t.Errorf("{}: %v %b", err, e.null)
	}
}

func TestScanErrors(t *testing.T) {
	var sc Scanner
	var e ev
	for _, c := range []struct{ in, err string }{
		{`{"i": 2147483648}`, `attribute "i": expected INT, 2147483648 is out of range`},
		{`{"i": -2147483649}`, `attribute "i": expected INT, -2147483649 is out of range`},
		{`{"l": 9223372036854775808}`, `out of range`},
		{`{"l": 99999999999999999999999}`, `out of range`},
		{`{"i": 1.0}`, `attribute "i": expected INT, 1.0 is not an integer`},
		{`{"l": 1e3}`, `1e3 is not an integer`},
		{`{"i": "1"}`, `attribute "i": expected INT, got a string`},
		{`{"d": true}`, `attribute "d": expected DOUBLE, got a boolean`},
		{`{"d": 1e999}`, `out of range`},
		{`{"f": 1e39}`, `out of range`},
		{`{"s": 1}`, `attribute "s": expected STRING, got a number`},
		{`{"b": 1}`, `attribute "b": expected BOOL, got a number`},
		{`{"b": tru}`, `invalid literal`},
		{`{"x": 1}`, `stream S has no attribute "x"`},
		{`{"i": 01}`, `invalid number`},
		{`{"i": -}`, `invalid number`},
		{`{"d": 1.}`, `invalid number`},
		{`{"i": 1,}`, `expected a string key`},
		{`{"i": 1 "l": 2}`, `expected ',' or '}'`},
		{`{"i" 1}`, `expected ':'`},
		{`{"s": "abc}`, `unterminated string`},
		{`{"s": "a\qb"}`, `invalid escape`},
		{`{"s": "a\u12"}`, `invalid \u escape`},
		{"{\"s\": \"a\tb\"}", `control character`},
		{`{"i": 1} x`, `unexpected data after the value`},
		{``, `expected a JSON object`},
		{`[1]`, `expected a JSON object`},
	} {
		err := decode(&sc, c.in, &e)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: got %v, want %q", c.in, err, c.err)
		}
	}
}

func TestScanArray(t *testing.T) {
	var sc Scanner
	dec := func(in string) (int32, string, NullMask, error) {
		var i int32
		var s string
		var m NullMask
		sc.Reset([]byte(in))
		if sc.Elem(2) {
			sc.ReadInt(&i, &m, 0, "i")
		}
		if sc.Elem(2) {
			sc.ReadString(&s, &m, 1, "s")
		}
		sc.EndArray(2)
		return i, s, m, sc.Finish()
	}
	if i, s, m, err := dec(` [ 5 , null ] `); err != nil || i != 5 || s != "" || m != 2 {
		t.Errorf("got %d %q %b %v", i, s, m, err)
	}
	for in, want := range map[string]string{
		`[5]`:                "expected 2 values, got 1",
		`[]`:                 "expected 2 values, got 0",
		`[5, "a", 3, [1,2]]`: "expected 2 values, got 4",
		`{}`:                 "expected a JSON array",
		`[5 "a"]`:            "expected ',' or ']'",
	} {
		if _, _, _, err := dec(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", in, err, want)
		}
	}
}

func TestRaw(t *testing.T) {
	var sc Scanner
	sc.Reset([]byte(`{"a": {"x": [1, "]", {"y": null}]}, "b": "s", "c": -1.5e3}`))
	var got []string
	for sc.NextKey() {
		got = append(got, string(sc.Key())+"="+string(sc.Raw()))
	}
	if err := sc.Finish(); err != nil {
		t.Fatal(err)
	}
	if want := `a={"x": [1, "]", {"y": null}]} b="s" c=-1.5e3`; strings.Join(got, " ") != want {
		t.Errorf("got %s", strings.Join(got, " "))
	}
}

func TestDecodeAllocs(t *testing.T) {
	var sc Scanner
	var e ev
	in := []byte(`{"i": 1, "l": 2, "f": 3.5, "d": 4.25, "s": "IBM", "b": true}`)
	decodeBytes(&sc, in, &e) // warm the intern table
	if n := testing.AllocsPerRun(100, func() { decodeBytes(&sc, in, &e) }); n != 0 {
		t.Errorf("decode: %v allocs, want 0", n)
	}
}

func TestAppend(t *testing.T) {
	var b []byte
	for _, f := range []Format{FormatObject, FormatArray} {
		b = BeginJSON(b, f)
		b = AppendKey(b, f, 0, `"i"`)
		b = AppendInt(b, -5, false)
		b = AppendKey(b, f, 1, `"l"`)
		b = AppendLong(b, 0, true)
		b = AppendKey(b, f, 2, `"f"`)
		b = AppendFloat(b, 0.1, false)
		b = AppendKey(b, f, 3, `"d"`)
		b = AppendDouble(b, 700, false)
		b = AppendKey(b, f, 4, `"s"`)
		b = AppendString(b, "a\"\n\x01é\xff", false)
		b = AppendKey(b, f, 5, `"b"`)
		b = AppendBool(b, false, false)
		b = EndJSON(b, f)
		b = append(b, ' ')
	}
	want := `{"i":-5,"l":null,"f":0.1,"d":700.0,"s":"a\"\n\u0001é\ufffd","b":false} [-5,null,0.1,700.0,"a\"\n\u0001é\ufffd",false] `
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

var point1 = 0.1 // a variable: Go constant arithmetic is exact

func TestAppendFloat(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1.5, "1.5"}, {-42, "-42.0"},
		{1e20, "100000000000000000000.0"}, {1e21, "1e+21"}, {1e-7, "1e-7"}, {123e-9, "1.23e-7"},
		{0.000001, "0.000001"}, {math.NaN(), "null"}, {math.Inf(-1), "null"},
		{point1 + 0.2, "0.30000000000000004"},
	} {
		if got := string(AppendDouble(nil, c.v, false)); got != c.want {
			t.Errorf("%v: got %s, want %s", c.v, got, c.want)
		}
		// The output reads back as the same value.
		var back float64
		if c.want != "null" && (json.Unmarshal([]byte(c.want), &back) != nil || back != c.v) {
			t.Errorf("%s does not round-trip", c.want)
		}
	}
	if got := string(AppendFloat(nil, 0.1, false)); got != "0.1" {
		t.Errorf("float32 0.1: %s", got)
	}
	if got := string(AppendFloat(nil, 16777216, false)); got != "16777216.0" {
		t.Errorf("float32 2^24: %s", got)
	}
}

func FuzzScan(f *testing.F) {
	f.Add(`{"i": 1, "s": "x\u00e9", "d": -1.5e3}`)
	f.Fuzz(func(t *testing.T, in string) {
		var sc Scanner
		var e ev
		if decode(&sc, in, &e) == nil && !json.Valid([]byte(in)) {
			t.Errorf("accepted invalid JSON %q", in)
		}
	})
}
