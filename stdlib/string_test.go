// Tests of the string functions.
package stdlib

import (
	"math"
	"testing"
)

func TestStrings(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Upper("abcÿz1"), "ABCÿZ1"}, {Lower("ABC Ÿ"), "abc Ÿ"}, {Upper("ABC"), "ABC"},
		{Trim(" \t\n\r\f\va b\v\f "), "a b"}, {LTrim("  ab "), "ab "}, {RTrim("  ab \f"), "  ab"}, {Trim(" \u00a0 "), "\u00a0"},
		{Concat("a", "b", "c"), "abc"}, {Concat("x"), "x"},
		{Substring("HelloWorld", 6), "World"}, {Substring("HelloWorld", 0), "HelloWorld"},
		{Substring("HelloWorld", -3), "HelloWorld"}, {Substring("HelloWorld", 11), ""}, {Substring("héllo", 2), "éllo"},
		{Substring("abc", math.MinInt32), "abc"}, {Substring("abc", math.MaxInt32), ""},
		{Left("abc", math.MinInt32), ""}, {Right("abc", math.MaxInt32), "abc"}, {LPad("ab", math.MinInt32, "x"), ""},
		{Left("héllo", 2), "hé"}, {Left("abc", 0), ""}, {Left("abc", -1), ""}, {Left("abc", 5), "abc"},
		{Right("héllo", 4), "éllo"}, {Right("abc", 0), ""}, {Right("abc", -2), ""}, {Right("abc", 9), "abc"},
		{LPad("7", 4, "ab"), "aba7"}, {LPad("hello", 2, "*"), "he"}, {LPad("hi", 5, ""), "hi"}, {LPad("hi", -1, "x"), ""},
		{RPad("7", 4, "ab"), "7aba"}, {RPad("é", 3, "ü"), "éüü"}, {RPad("hello", 5, "x"), "hello"}, {RPad("ab", 6, "xyz"), "abxyzx"},
		{Replace("aaa", "aa", "b"), "ba"}, {Replace("abc", "", "x"), "abc"}, {Replace("abcb", "b", ""), "ac"},
		{Reverse("abc"), "cba"}, {Reverse("héllo→"), "→olléh"}, {Reverse(""), ""},
		{Repeat("ab", 3), "ababab"}, {Repeat("ab", 0), ""}, {Repeat("ab", -1), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestSubstringLen(t *testing.T) {
	for _, c := range []struct {
		s          string
		start, n   int32
		want       string
		wantNonNil bool
	}{
		{"HelloWorld", 1, 4, "Hell", true}, {"HelloWorld", 0, 5, "Hello", true}, {"HelloWorld", -5, 2, "He", true},
		{"HelloWorld", 6, 100, "World", true}, {"HelloWorld", 11, 1, "", true}, {"HelloWorld", 3, 0, "", true},
		{"HelloWorld", 1, -1, "", false}, {"añb€c", 2, 3, "ñb€", true},
		{"abc", math.MinInt32, 2, "ab", true}, {"abc", math.MaxInt32, 2, "", true}, {"abc", 2, math.MaxInt32, "bc", true},
	} {
		got, ok := SubstringLen(c.s, c.start, c.n)
		if got != c.want || ok != c.wantNonNil {
			t.Errorf("SubstringLen(%q, %d, %d) = %q, %v", c.s, c.start, c.n, got, ok)
		}
	}
}

func TestStringInts(t *testing.T) {
	for _, c := range []struct{ got, want int32 }{
		{Length(""), 0}, {Length("héllo"), 5}, {Length("€𝄞"), 2},
		{Position("lo", "hello"), 4}, {Position("x", "hello"), 0}, {Position("", "hello"), 1}, {Position("", ""), 1},
		{Position("l", "héllo"), 3},
	} {
		if c.got != c.want {
			t.Errorf("got %d, want %d", c.got, c.want)
		}
	}
	if !StartsWith("hello", "he") || StartsWith("hello", "lo") || !EndsWith("hello", "lo") || EndsWith("he", "hello") ||
		!Contains("hello", "ell") || Contains("hello", "x") || !Contains("hello", "") {
		t.Error("STARTS_WITH/ENDS_WITH/CONTAINS")
	}
	if v, ok := ASCII("A"); v != 65 || !ok {
		t.Error("ASCII('A')")
	}
	if v, ok := ASCII("€x"); v != 0x20ac || !ok {
		t.Error("ASCII('€')")
	}
	if _, ok := ASCII(""); ok {
		t.Error("ASCII('') is null")
	}
	if s, ok := Chr(97); s != "a" || !ok {
		t.Error("CHR(97)")
	}
	if s, ok := Chr(0x1d11e); s != "𝄞" || !ok {
		t.Error("CHR(0x1d11e)")
	}
	for _, n := range []int32{-1, 0xd800, 0xdfff, 0x110000} {
		if _, ok := Chr(n); ok {
			t.Errorf("CHR(%d) should be null", n)
		}
	}
}
