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
//
// The values are an array of V alone (the slots' flags are apart), so a
// table of small values stays dense: fewer cache lines per lookup.
type Table[K comparable, V any] struct {
	index map[K]int32
	null  int32 // 1 + the slot of the null key; 0: none
	vals  []V
	flags []uint8 // per slot: slotLive, slotListed, slotNull
	free  []int32 // slots not in the index
	dead  []int32 // deleted slots still in the index (some revived since)
	nDead int     // slots in dead that are still deleted
}

const (
	slotLive   uint8 = 1 << iota // holds a key
	slotListed                   // in Table.dead
	slotNull                     // the null key's slot
)

// minPurge is the number of deleted slots a table keeps in its index at
// least before removing them.
const minPurge = 1024

// Lookup returns the slot of k, adding one if k is absent (isNew). The
// value of a new slot is left as its previous occupant had it: the caller
// resets it.
func (t *Table[K, V]) Lookup(k K) (i int32, isNew bool) {
	if i, ok := t.index[k]; ok {
		if t.flags[i]&slotLive != 0 {
			return i, false
		}
		t.flags[i] |= slotLive
		t.nDead--
		return i, true
	}
	if t.index == nil {
		t.index = map[K]int32{}
	}
	i = t.newSlot()
	t.flags[i] |= slotLive
	t.index[k] = i
	return i, true
}

// LookupNull is Lookup for the null key.
func (t *Table[K, V]) LookupNull() (i int32, isNew bool) {
	if t.null > 0 {
		i = t.null - 1
		if t.flags[i]&slotLive != 0 {
			return i, false
		}
		t.flags[i] |= slotLive
		t.nDead--
		return i, true
	}
	i = t.newSlot()
	t.flags[i] |= slotLive | slotNull
	t.null = i + 1
	return i, true
}

func (t *Table[K, V]) newSlot() (i int32) {
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
		return i
	}
	var zero V
	t.vals = append(t.vals, zero)
	t.flags = append(t.flags, 0)
	return int32(len(t.vals) - 1)
}

// Find returns the slot of k if present.
func (t *Table[K, V]) Find(k K) (int32, bool) {
	i, ok := t.index[k]
	if !ok || t.flags[i]&slotLive == 0 {
		return 0, false
	}
	return i, true
}

// At is the value in slot i.
func (t *Table[K, V]) At(i int32) *V { return &t.vals[i] }

// Slot is the value in slot i if i holds a key, nil otherwise: for a slot
// number kept from an earlier Lookup whose key may have been deleted since
// (or the table cleared).
func (t *Table[K, V]) Slot(i int32) *V {
	if uint(i) < uint(len(t.flags)) && t.flags[i]&slotLive != 0 {
		return &t.vals[i]
	}
	return nil
}

// Delete removes slot i's key; deleting a deleted slot does nothing.
func (t *Table[K, V]) Delete(i int32) {
	f := t.flags[i]
	if f&slotLive == 0 {
		return
	}
	t.nDead++
	if f&slotListed == 0 {
		t.dead = append(t.dead, i)
	}
	t.flags[i] = f&^slotLive | slotListed
	if t.nDead > minPurge && t.nDead > t.Len() {
		t.purge()
	}
}

// purge removes the deleted slots from the index. Slots do not keep their
// keys (less memory to walk per lookup): it ranges over the index, which
// holds fewer than twice as many keys as there are deleted ones.
func (t *Table[K, V]) purge() {
	for k, i := range t.index {
		if t.flags[i]&slotLive == 0 {
			delete(t.index, k)
		}
	}
	for _, i := range t.dead {
		f := t.flags[i] &^ slotListed
		if f&slotLive == 0 {
			if f&slotNull != 0 {
				t.null = 0
			}
			f = 0
			t.free = append(t.free, i)
		}
		t.flags[i] = f
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
func (t *Table[K, V]) Slots() int { return len(t.vals) }

// Live reports whether slot i holds a key.
func (t *Table[K, V]) Live(i int32) bool { return t.flags[i]&slotLive != 0 }

// Clear removes every key.
func (t *Table[K, V]) Clear() {
	clear(t.index)
	t.null = 0
	clear(t.vals)
	t.vals = t.vals[:0]
	t.flags = t.flags[:0]
	t.free = t.free[:0]
	t.dead = t.dead[:0]
	t.nDead = 0
}
