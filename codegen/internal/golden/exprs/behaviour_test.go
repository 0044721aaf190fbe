package exprs

import (
	"math"
	"testing"

	"github.com/efluxc/efluxc/rt"
)

func send(t *testing.T, ts int64, arr string) (*App, map[string]string) {
	t.Helper()
	a := New()
	out := map[string]string{}
	for _, s := range []string{"Arith", "Logic", "Cond"} {
		s := s
		a.Subscribe(s, rt.FormatArray, func(ts int64, b []byte) { out[s] = string(b) })
	}
	if err := a.SendJSONArray("In", ts, []byte(arr)); err != nil {
		t.Fatal(err)
	}
	return a, out
}

func TestArith(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// inc, half, m3, ratio, fm, neg, il, fma
		{`[-7, -7, 7.5, 2.0, "x", true]`, `[-6,-3,-1,1.0,0.0,7,49,6.0]`},
		{`[2147483647, 9223372036854775807, -7.5, 0.0, "x", true]`, `[-2147483648,1073741823,1,null,-0.0,-2147483647,9223372034707292161,0.0]`},
		{`[-2147483648, null, null, null, null, null]`, `[-2147483647,-1073741824,null,null,null,-2147483648,null,null]`},
		{`[null, 5, 5, -0.0, null, null]`, `[null,null,2,null,0.0,null,null,0.0]`},
	} {
		_, out := send(t, 1, c.in)
		if out["Arith"] != c.want {
			t.Errorf("%s: got %s, want %s", c.in, out["Arith"], c.want)
		}
	}
}

func TestArithEvents(t *testing.T) {
	// -0.0 divisor is null; float % is fmod with the sign of the dividend.
	a := New()
	var got Arith
	a.OnArith(func(ts int64, e *Arith) { got = *e })
	a.SendIn(1, &In{I: 1, L: 1, F: -7, D: math.Copysign(0, -1)})
	if !got.Null.Is(3) || got.Fm != -2 {
		t.Errorf("got %+v", got)
	}
}

func TestLogic(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// a = b AND i>0, o = b OR i>0, n = NOT b, sn = s IS NULL, inl = i IN (1,2,NULL), lk = s LIKE 'a%'
		{`[1, 0, 0, 0, "abc", true]`, `[true,true,false,false,true,true]`},
		{`[0, 0, 0, 0, "xbc", true]`, `[false,true,false,false,null,false]`},
		{`[null, 0, 0, 0, null, true]`, `[null,true,false,true,null,null]`},
		{`[null, 0, 0, 0, null, false]`, `[false,null,true,true,null,null]`},
		{`[1, 0, 0, 0, null, null]`, `[null,true,null,true,true,null]`},
		{`[0, 0, 0, 0, null, null]`, `[false,null,null,true,null,null]`},
	} {
		_, out := send(t, 1, c.in)
		if out["Logic"] != c.want {
			t.Errorf("%s: got %s, want %s", c.in, out["Logic"], c.want)
		}
	}
}

func TestCond(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// size, s2, mx, up, si, ds, et, nw, sq
		{`[11, 3, 0, 4.0, "42", true]`, `["big","42",11,"42",42,"4.0",1000,1000,2.0]`},
		{`[1, null, 0, -1, "ab", true]`, `["small","ab",7,"AB",null,"-1.0",1000,1000,null]`},
		{`[null, 100, 0, null, null, true]`, `["neg","none",100,null,null,null,1000,1000,null]`},
		{`[3, 100, 0, null, null, true]`, ``}, // WHERE i IS NULL OR i != 3 drops it
	} {
		_, out := send(t, 1000, c.in)
		if out["Cond"] != c.want {
			t.Errorf("%s: got %s, want %s", c.in, out["Cond"], c.want)
		}
	}
}

func TestNowIsClock(t *testing.T) {
	a := New()
	var got Cond
	a.OnCond(func(ts int64, e *Cond) { got = *e })
	a.AdvanceTo(5000)
	a.SendIn(2000, &In{I: 1}) // an event older than the clock keeps its own time
	if got.Et != 2000 || got.Nw != 5000 {
		t.Errorf("EVENTTIMESTAMP %d, NOW %d", got.Et, got.Nw)
	}
}
