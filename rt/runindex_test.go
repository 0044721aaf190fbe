package rt

import (
	"math/rand/v2"
	"testing"
)

// bucketIDs lists the runs waiting in b, in order, and checks that each
// entry's cover is the one its run was pushed with (cover = id * 10).
func bucketIDs(t *testing.T, b *Bucket[int]) []int32 {
	t.Helper()
	var out []int32
	if b == nil {
		return nil
	}
	for _, e := range b.Runs() {
		if e.ID == 0 {
			continue
		}
		if e.Cover != int(e.ID)*10 {
			t.Fatalf("run %d has cover %d", e.ID, e.Cover)
		}
		out = append(out, e.ID)
	}
	if len(out) != b.Len() {
		t.Fatalf("bucket Len %d, %d entries", b.Len(), len(out))
	}
	return out
}

// An index keeps one ordered bucket per key and recycles empty buckets.
func TestIndex(t *testing.T) {
	var p Runs[testRun]
	p.Init(1)
	x := NewIndex[string, int](0, 1)
	s := NewList(0, 9)
	a, b, c := p.Alloc(), p.Alloc(), p.Alloc()
	for _, id := range []int32{a, b, c} {
		s.Push(&p.Links, id)
	}
	x.Adopt(&p.Links, &s, "u1", a, int(a)*10)
	x.Adopt(&p.Links, &s, "u2", b, int(b)*10)
	x.Adopt(&p.Links, &s, "u1", c, int(c)*10)
	if got := bucketIDs(t, x.Get("u1")); !same(got, []int32{a, c}) || x.Len() != 3 || p.Live() != 3 {
		t.Fatalf("u1 %v len %d", got, x.Len())
	}
	if p.Seq(c, 0) <= p.Seq(a, 0) {
		t.Fatal("entry order not recorded")
	}
	x.Remove(&p.Links, b)
	if l := x.Get("u2"); l != nil && l.Len() != 0 || p.Live() != 2 {
		t.Fatal("bucket not emptied or run not freed")
	}
	d := p.Alloc()
	x.Push(&p.Links, "u3", d, int(d)*10)
	if got := bucketIDs(t, x.Get("u3")); !same(got, []int32{d}) {
		t.Fatalf("u3 %v", got)
	}
}

// Removing runs during a walk clears their entries in place: the walk
// sees every entry once, in order, and skips the runs that left.
func TestIndexRemoveDuringWalk(t *testing.T) {
	var p Runs[testRun]
	p.Init(1)
	x := NewIndex[int, int](0, 1)
	var r [6]int32
	for i := range r {
		r[i] = p.Alloc()
		x.Push(&p.Links, 1, r[i], int(r[i])*10)
	}
	var seen []int32
	for _, e := range x.Get(1).Runs() {
		if e.ID == 0 {
			continue
		}
		seen = append(seen, e.ID)
		switch e.ID {
		case r[1]:
			x.Remove(&p.Links, r[1]) // itself
		case r[2]:
			x.Remove(&p.Links, r[4]) // a later run
		}
	}
	if want := []int32{r[0], r[1], r[2], r[3], r[5]}; !same(seen, want) {
		t.Fatalf("walk saw %v, want %v", seen, want)
	}
	if got := bucketIDs(t, x.Get(1)); !same(got, []int32{r[0], r[2], r[3], r[5]}) {
		t.Fatalf("left %v", got)
	}
}

// Random pushes and removals against a model: order, covers, positions
// (Remove finds each run's entry) and the bounded array.
func TestIndexModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var p Runs[testRun]
	p.Init(1)
	x := NewIndex[int, int](0, 1)
	model := map[int][]int32{}
	peak := map[int]int{}
	for step := range 20000 {
		k := rng.IntN(4)
		if rng.IntN(2) == 0 || len(model[k]) == 0 {
			id := p.Alloc()
			x.Push(&p.Links, k, id, int(id)*10)
			model[k] = append(model[k], id)
			peak[k] = max(peak[k], len(model[k]))
		} else {
			l := model[k]
			i := rng.IntN(len(l))
			if rng.IntN(3) == 0 {
				i = 0 // the oldest, as WITHIN expiry mostly removes
			}
			x.Remove(&p.Links, l[i])
			model[k] = append(l[:i:i], l[i+1:]...)
		}
		if step%97 == 0 {
			for k, want := range model {
				if got := bucketIDs(t, x.Get(k)); !same(got, want) {
					t.Fatalf("step %d key %d: %v, want %v", step, k, got, want)
				}
				if b := x.Get(k); b != nil && cap(b.runs) > 3*peak[k]+minBucket {
					t.Fatalf("step %d key %d: array of %d for at most %d runs", step, k, cap(b.runs), peak[k])
				}
			}
		}
	}
	n := 0
	for _, l := range model {
		n += len(l)
	}
	if x.Len() != n || p.Live() != n {
		t.Fatalf("Len %d, live %d, want %d", x.Len(), p.Live(), n)
	}
}

// Empty buckets keep their keys until they outnumber the others: a key
// that comes back reuses its bucket, and the index stays bounded.
func TestIndexEmptyBuckets(t *testing.T) {
	var p Runs[testRun]
	p.Init(1)
	x := NewIndex[int, int](0, 1)
	id := p.Alloc()
	x.Push(&p.Links, 1, id, int(id)*10)
	x.Remove(&p.Links, id)
	id = p.Alloc()
	x.Push(&p.Links, 1, id, int(id)*10)
	if len(x.buckets) != 1 || x.empty != 0 || !same(bucketIDs(t, x.Get(1)), []int32{id}) {
		t.Fatalf("returning key: %d buckets, %d empty", len(x.buckets), x.empty)
	}
	for k := 2; k < 10*minPurge; k++ {
		r := p.Alloc()
		x.Push(&p.Links, k, r, int(r)*10)
		x.Remove(&p.Links, r)
		if len(x.m) > 2*minPurge+2 {
			t.Fatalf("key %d: %d keys in the index", k, len(x.m))
		}
	}
	if x.Len() != 1 || len(x.buckets) > 2*minPurge+2 || !same(bucketIDs(t, x.Get(1)), []int32{id}) {
		t.Fatalf("after purges: Len %d, buckets %d", x.Len(), len(x.buckets))
	}
}
