package rt

// Table is a hash table from generated key structs to slots holding V:
// the group-by state of a query. Slots are reused after Delete, keeping
// whatever buffers the previous value grew, so a table whose key set
// churns allocates nothing once warm. Slot indexes stay valid until the
// slot is deleted; pointers from At only until the next Lookup.
//
// Delete is lazy: the key stays in the index, its slot marked deleted,
// until deleted slots outnumber live ones (and a minimum), when they are
// all removed at once. A key that comes back before that finds its old
// slot again (as a new key: isNew), which spares the hash map a delete
// and an insert when groups empty and refill often (a time window over
// many keys). Memory stays bounded: at most about twice the live keys.
//
// A table may also hold the null key, outside the index (LookupNull): a
// query grouping by one attribute keys its table by the attribute's Go
// type, hashed faster than a struct.
type Table[K comparable, V any] struct {
	index map[K]int32
	null  int32 // 1 + the slot of the null key; 0: none
	slots []slot[V]
	free  []int32 // slots not in the index
	dead  []int32 // deleted slots still in the index (some revived since)
	nDead int     // slots in dead that are still deleted
}

type slot[V any] struct {
	val    V
	live   bool
	listed bool // in Table.dead
	isNull bool // the null key's slot
}

// minPurge is the number of deleted slots a table keeps in its index at
// least before removing them.
const minPurge = 1024

// Lookup returns the slot of k, adding one if k is absent (isNew). The
// value of a new slot is left as its previous occupant had it: the caller
// resets it.
func (t *Table[K, V]) Lookup(k K) (i int32, isNew bool) {
	if i, ok := t.index[k]; ok {
		s := &t.slots[i]
		if s.live {
			return i, false
		}
		s.live = true
		t.nDead--
		return i, true
	}
	if t.index == nil {
		t.index = map[K]int32{}
	}
	i = t.newSlot()
	t.slots[i].live = true
	t.index[k] = i
	return i, true
}

// LookupNull is Lookup for the null key.
func (t *Table[K, V]) LookupNull() (i int32, isNew bool) {
	if t.null > 0 {
		i = t.null - 1
		s := &t.slots[i]
		if s.live {
			return i, false
		}
		s.live = true
		t.nDead--
		return i, true
	}
	i = t.newSlot()
	s := &t.slots[i]
	s.live, s.isNull = true, true
	t.null = i + 1
	return i, true
}

func (t *Table[K, V]) newSlot() (i int32) {
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		t.slots = append(t.slots, slot[V]{})
		i = int32(len(t.slots) - 1)
	}
	return i
}

// Find returns the slot of k if present.
func (t *Table[K, V]) Find(k K) (int32, bool) {
	i, ok := t.index[k]
	if !ok || !t.slots[i].live {
		return 0, false
	}
	return i, true
}

// At is the value in slot i.
func (t *Table[K, V]) At(i int32) *V { return &t.slots[i].val }

// Delete removes slot i's key.
func (t *Table[K, V]) Delete(i int32) {
	s := &t.slots[i]
	s.live = false
	t.nDead++
	if !s.listed {
		s.listed = true
		t.dead = append(t.dead, i)
	}
	if t.nDead > minPurge && t.nDead > t.Len() {
		t.purge()
	}
}

// purge removes the deleted slots from the index. Slots do not keep their
// keys (less memory to walk per lookup): it ranges over the index, which
// holds fewer than twice as many keys as there are deleted ones.
func (t *Table[K, V]) purge() {
	for k, i := range t.index {
		if !t.slots[i].live {
			delete(t.index, k)
		}
	}
	for _, i := range t.dead {
		s := &t.slots[i]
		s.listed = false
		if !s.live {
			if s.isNull {
				t.null, s.isNull = 0, false
			}
			t.free = append(t.free, i)
		}
	}
	t.dead = t.dead[:0]
	t.nDead = 0
}

// Len is the number of keys.
func (t *Table[K, V]) Len() int {
	n := len(t.index) - t.nDead
	if t.null > 0 {
		n++
	}
	return n
}

// Slots is the number of slots, live or free: iterate with Live.
func (t *Table[K, V]) Slots() int { return len(t.slots) }

// Live reports whether slot i holds a key.
func (t *Table[K, V]) Live(i int32) bool { return t.slots[i].live }

// Clear removes every key.
func (t *Table[K, V]) Clear() {
	clear(t.index)
	t.null = 0
	clear(t.slots)
	t.slots = t.slots[:0]
	t.free = t.free[:0]
	t.dead = t.dead[:0]
	t.nDead = 0
}
