package rt

// Index keeps the runs waiting at one pattern state in buckets by a key
// computed from the run (a correlation key such as e1.user): an event
// visits only the bucket of its own key. Runs whose key is null wait in
// Nulls, which no event visits.
//
// A bucket is an array of entries in waiting order. An entry holds the
// run's id and C, a copy of the captured values that the state's filter
// reads (the generated code's cover type; struct{} when the filter reads
// values that may change while the run waits): an event tests the runs of
// its key by reading one contiguous array, as a hand-written per-key queue
// would, and touches a run only when the run satisfies the filter.
//
// A run that leaves is cleared in place (its entry's ID becomes 0), so
// entries never move while an event walks a bucket; the link of a run in a
// bucket records the bucket and the entry's position, so leaving needs no
// lookup. The space is reclaimed as runs leave (cleared entries at the
// front are dropped), after a walk (Compact, while the array is in the
// cache) and by Push (a full array at least a quarter cleared is compacted
// before it would grow: amortised O(1) per run; the array holds at most
// about 8/3 of the bucket's largest number of runs).
//
// A bucket that empties keeps its key, as Table's lazy Delete does: a key
// whose runs all match or expire and that comes back finds its bucket
// without a map delete and insert. Empty buckets are removed at once when
// they outnumber the others (and minPurge), so the index holds at most
// about twice the keys that have runs.
type Index[K comparable, C any] struct {
	slot, tag int32
	m         map[K]int32 // key -> bucket number
	buckets   []Bucket[C]
	free      []int32
	empty     int // buckets in m without runs
	Nulls     List
}

// minBucket is the initial capacity of a bucket's array.
const minBucket = 4

// Bucket holds the runs of one key of an Index, in waiting order.
type Bucket[C any] struct {
	runs []IndexEntry[C] // runs[head:] are the entries; ID 0: the run has left
	head int32
	live int32
}

// IndexEntry is one run waiting in an Index bucket: its id (0: the run has
// left) and the values of the run that the state's filter reads.
type IndexEntry[C any] struct {
	ID    int32
	Cover C
}

// Len is the number of runs in the bucket.
func (b *Bucket[C]) Len() int { return int(b.live) }

// Runs returns the bucket's entries in waiting order, including those of
// runs that have left (ID 0). Removing runs only clears entries, so the
// slice stays valid, and shows each removal, until the next Push or Adopt
// to the index.
func (b *Bucket[C]) Runs() []IndexEntry[C] { return b.runs[b.head:] }

// NewIndex returns an empty index for state slot s; t is the tag of its
// buckets and t+1 the tag of Nulls.
func NewIndex[K comparable, C any](s, t int) Index[K, C] {
	return Index[K, C]{slot: int32(s), tag: int32(t), m: map[K]int32{},
		Nulls: NewList(s, t+1)}
}

// Get returns the bucket of k, nil or empty if no run waits with that key.
// The pointer is valid until the next Push or Adopt.
func (x *Index[K, C]) Get(k K) *Bucket[C] {
	b, ok := x.m[k]
	if !ok {
		return nil
	}
	return &x.buckets[b]
}

// Push appends id, whose filter values are c, to the bucket of k; the run
// must not be in another list of this slot.
func (x *Index[K, C]) Push(p *Links, k K, id int32, c C) {
	b, ok := x.m[k]
	if ok {
		if x.buckets[b].live == 0 {
			x.empty--
		}
	} else {
		if n := len(x.free); n > 0 {
			b = x.free[n-1]
			x.free = x.free[:n-1]
		} else {
			b = int32(len(x.buckets))
			x.buckets = append(x.buckets, Bucket[C]{})
		}
		x.m[k] = b
	}
	lk := p.lk(id, x.slot)
	if lk.list != 0 {
		panic("rt: run already in a list of this state")
	}
	p.seq++
	*lk = link{prev: x.buckets[b].push(p, x.slot, id, c), list: x.tag, bucket: b, seq: p.seq}
	p.meta[id].refs++
}

// push appends an entry and returns its position. A full array with a
// quarter or more of its entries cleared is compacted instead of grown.
func (b *Bucket[C]) push(p *Links, slot, id int32, c C) int32 {
	switch n := len(b.runs); {
	case n == 0 && cap(b.runs) == 0:
		b.runs = make([]IndexEntry[C], 0, minBucket)
	case n == cap(b.runs) && int(b.live) <= n-n/4:
		b.compact(p, slot)
	}
	b.runs = append(b.runs, IndexEntry[C]{ID: id, Cover: c})
	b.live++
	return int32(len(b.runs) - 1)
}

// compact moves the entries of the runs still waiting to the front, in
// order, and records their new positions.
func (b *Bucket[C]) compact(p *Links, slot int32) {
	n := int32(0)
	for _, e := range b.runs[b.head:] {
		if e.ID != 0 {
			p.lk(e.ID, slot).prev = n
			b.runs[n] = e
			n++
		}
	}
	clear(b.runs[n:])
	b.runs = b.runs[:n]
	b.head = 0
}

// Compact packs the entries of the runs still waiting in bucket b, in
// order, if some run has left from its middle. The generated code calls it
// after an event walked the bucket (the array is in the cache); the walk's
// slice from Runs is invalid after it.
func (x *Index[K, C]) Compact(p *Links, b *Bucket[C]) {
	if int(b.live) < len(b.runs)-int(b.head) {
		b.compact(p, x.slot)
	}
}

// Adopt moves id from list from (same slot) into the bucket of k, with
// filter values c; the run stays live.
func (x *Index[K, C]) Adopt(p *Links, from *List, k K, id int32, c C) {
	from.unlink(p, id)
	x.Push(p, k, id, c)
	p.meta[id].refs--
}

// Remove takes id out of its bucket (the one its link records; no lookup);
// a run in no list any more is freed.
func (x *Index[K, C]) Remove(p *Links, id int32) {
	lk := p.lk(id, x.slot)
	if lk.list != x.tag {
		panic("rt: run not in this index")
	}
	b := &x.buckets[lk.bucket]
	pos := lk.prev
	*lk = link{}
	b.runs[pos] = IndexEntry[C]{}
	b.live--
	switch {
	case b.live == 0:
		b.runs = b.runs[:0]
		b.head = 0
		x.empty++
		if x.empty > minPurge && x.empty > len(x.m)-x.empty {
			x.purge()
		}
	case pos == b.head:
		for b.runs[b.head].ID == 0 {
			b.head++
		}
	}
	p.meta[id].refs--
	if p.meta[id].refs == 0 {
		p.release(id)
	}
}

// purge removes the keys of the empty buckets and recycles the buckets.
func (x *Index[K, C]) purge() {
	for k, b := range x.m {
		if x.buckets[b].live == 0 {
			delete(x.m, k)
			x.free = append(x.free, b)
		}
	}
	x.empty = 0
}

// Len is the number of runs in the index.
func (x *Index[K, C]) Len() int {
	n := int(x.Nulls.n)
	for _, b := range x.m {
		n += int(x.buckets[b].live)
	}
	return n
}
