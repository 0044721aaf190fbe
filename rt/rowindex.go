package rt

// RowIndex is a secondary hash index over the rows of a table (rt.Rows): for
// each key, the slots of the rows holding it, in table order. Each key's
// rows form a doubly linked list threaded through per-slot links, so
// adding, removing and re-keying a row allocate nothing once warm, and a
// lookup visits only the rows with the key.
//
// Table order is insertion order, and an updated row keeps its place: Add
// stamps each row with a sequence number and Move, when an update changes
// a row's key, inserts it among its new key's rows by that number. Iterate
// with
//
//	for i := x.First(k); i >= 0; i = next { next = x.Next(i) ... }
//
// reading Next before a body that may re-key or delete row i.
type RowIndex[K comparable] struct {
	keys  Table[K, indexList]
	links []indexLink // by row slot
	seq   uint64
}

type indexList struct{ head, tail int32 }

type indexLink struct {
	prev, next int32
	key        int32 // slot of the row's key in keys
	seq        uint64
}

// Add indexes the row in slot i, just inserted into the table, under k.
func (x *RowIndex[K]) Add(i int32, k K) {
	for int(i) >= len(x.links) {
		x.links = append(x.links, indexLink{})
	}
	x.seq++
	x.links[i].seq = x.seq
	x.link(i, k)
}

// Remove drops the row in slot i (deleted from the table) from the index.
func (x *RowIndex[K]) Remove(i int32) {
	l := &x.links[i]
	ki := l.key
	list := x.keys.At(ki)
	if l.prev >= 0 {
		x.links[l.prev].next = l.next
	} else {
		list.head = l.next
	}
	if l.next >= 0 {
		x.links[l.next].prev = l.prev
	} else {
		list.tail = l.prev
	}
	if list.head < 0 {
		x.keys.Delete(ki)
	}
}

// Move re-keys the row in slot i to k, keeping its place in table order.
func (x *RowIndex[K]) Move(i int32, k K) {
	x.Remove(i)
	x.link(i, k)
}

// link inserts row i into k's list at its place by sequence number: at
// the tail for a new row, further back for a re-keyed one.
func (x *RowIndex[K]) link(i int32, k K) {
	ki, isNew := x.keys.Lookup(k)
	list := x.keys.At(ki)
	l := &x.links[i]
	l.key = ki
	if isNew {
		*list = indexList{head: i, tail: i}
		l.prev, l.next = -1, -1
		return
	}
	after := list.tail
	for after >= 0 && x.links[after].seq > l.seq {
		after = x.links[after].prev
	}
	l.prev = after
	if after >= 0 {
		l.next = x.links[after].next
		x.links[after].next = i
	} else {
		l.next = list.head
		list.head = i
	}
	if l.next >= 0 {
		x.links[l.next].prev = i
	} else {
		list.tail = i
	}
}

// First is the slot of the first row with key k, -1 when there is none.
func (x *RowIndex[K]) First(k K) int32 {
	if ki, ok := x.keys.Find(k); ok {
		return x.keys.At(ki).head
	}
	return -1
}

// Next is the slot of the row after slot i with the same key, -1 at the end.
func (x *RowIndex[K]) Next(i int32) int32 { return x.links[i].next }

// Keys is the number of distinct keys.
func (x *RowIndex[K]) Keys() int { return x.keys.Len() }
