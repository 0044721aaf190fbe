package rt

import (
	"slices"
	"testing"
)

func TestKeepFrom(t *testing.T) {
	for _, tc := range []struct {
		lo, off, n int
		want       []int
	}{
		{2, 0, 1, []int{0, 1, 2}},
		{2, 1, 2, []int{0, 1, 3, 4}},
		{2, 5, 1, []int{0, 1}},
		{2, 1, -1, []int{0, 1, 3, 4}},
		{5, 0, 0, []int{0, 1, 2, 3, 4}},
		{0, 1, 1, []int{1}},
	} {
		var c Chunk[int]
		for i := range 5 {
			*c.Append(int64(i)) = i
		}
		c.KeepFrom(tc.lo, tc.off, tc.n)
		s := KeepFrom([]int{0, 1, 2, 3, 4}, tc.lo, tc.off, tc.n)
		if !slices.Equal(c.Ev, tc.want) || !slices.Equal(s, tc.want) || len(c.TS) != len(tc.want) {
			t.Errorf("KeepFrom(%d, %d, %d) = %v, %v; want %v", tc.lo, tc.off, tc.n, c.Ev, s, tc.want)
		}
		for i, ts := range c.TS {
			if ts != int64(c.Ev[i]) {
				t.Errorf("KeepFrom(%d, %d, %d): TS %v out of step with %v", tc.lo, tc.off, tc.n, c.TS, c.Ev)
			}
		}
	}
}
