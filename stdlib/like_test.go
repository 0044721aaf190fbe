// Tests of LIKE.
package stdlib

import "testing"

func TestLike(t *testing.T) {
	for _, c := range []struct {
		s, p string
		want bool
	}{
		{"hello", "hello", true}, {"hello", "Hello", false}, {"hello", "h%", true}, {"hello", "%o", true},
		{"hello", "%ll%", true}, {"hello", "h_llo", true}, {"hello", "h_lo", false}, {"hello", "_____", true},
		{"hello", "______", false}, {"", "", true}, {"", "%", true}, {"", "_", false}, {"a", "", false},
		{"héllo", "h_llo", true}, {"héllo", "h__llo", false}, {"€", "_", true}, {"abcabc", "%abc", true},
		{"aaab", "%a%b", true}, {"mississippi", "%iss%ppi", true}, {"mississippi", "%iss%ipp", false},
		{"abc", "%%%", true}, {"abc", "a%%c", true}, {"ab", "a%_%b", false}, {"axb", "a%_%b", true},
		{"100%", "100%", true}, {"a.c", "a.c", true}, {"abc", "a.c", false}, {"a*c", "a*c", true},
		{"hello", "%x%", false}, {"hellohello", "%lo", true},
	} {
		if got := Like(c.s, c.p); got != c.want {
			t.Errorf("Like(%q, %q) = %v", c.s, c.p, got)
		}
	}
}

func TestLikeAllocs(t *testing.T) {
	s, p := "the quick brown fox jumps over the lazy dög", "%qu_ck%f_x%l_zy%"
	if n := testing.AllocsPerRun(100, func() {
		if !Like(s, p) {
			t.Fatal("no match")
		}
	}); n != 0 {
		t.Errorf("Like allocates %v times", n)
	}
}
