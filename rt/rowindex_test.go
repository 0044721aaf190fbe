package rt

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// indexRow is a row of the model table the index test keeps beside Rows.
type indexRow struct{ key, id int }

// TestIndexMatchesScan drives a table and its index through random
// inserts, deletes and re-keying updates and checks, after every step,
// that each key's index list is exactly what a scan of the table in
// table order finds.
func TestRowIndexMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var rows Rows[indexRow]
	var x RowIndex[int]
	var live []int32
	id := 0
	for step := range 5000 {
		switch op := rng.IntN(10); {
		case op < 5 || len(live) == 0:
			i, r := rows.Add()
			id++
			*r = indexRow{key: rng.IntN(8), id: id}
			x.Add(i, r.key)
			live = append(live, i)
		case op < 7:
			j := rng.IntN(len(live))
			i := live[j]
			x.Remove(i)
			rows.Delete(i)
			live = slices.Delete(live, j, j+1)
		default:
			i := live[rng.IntN(len(live))]
			r := rows.At(i)
			if k := rng.IntN(8); k != r.key {
				r.key = k
				x.Move(i, k)
			}
		}
		for k := range 8 {
			var scan, looked []int
			for i := rows.First(); i >= 0; i = rows.Next(i) {
				if r := rows.At(i); r.key == k {
					scan = append(scan, r.id)
				}
			}
			for i := x.First(k); i >= 0; i = x.Next(i) {
				looked = append(looked, rows.At(i).id)
			}
			if !slices.Equal(scan, looked) {
				t.Fatalf("step %d key %d: index %v, scan %v", step, k, looked, scan)
			}
		}
	}
}

func TestRowIndexEmptyKeyLeaves(t *testing.T) {
	var rows Rows[indexRow]
	var x RowIndex[string]
	i, _ := rows.Add()
	x.Add(i, "a")
	x.Move(i, "b")
	if x.First("a") != -1 || x.First("b") != i || x.Keys() != 1 {
		t.Fatalf("after move: First(a)=%d First(b)=%d keys=%d", x.First("a"), x.First("b"), x.Keys())
	}
	x.Remove(i)
	if x.First("b") != -1 || x.Keys() != 0 {
		t.Fatalf("after remove: First(b)=%d keys=%d", x.First("b"), x.Keys())
	}
}

func TestRowIndexAllocs(t *testing.T) {
	var rows Rows[indexRow]
	var x RowIndex[int]
	var slots [64]int32
	for j := range slots {
		i, r := rows.Add()
		r.key = j % 16
		x.Add(i, r.key)
		slots[j] = i
	}
	n := 0
	allocs := testing.AllocsPerRun(1000, func() {
		j := n % len(slots)
		n++
		x.Remove(slots[j])
		rows.Delete(slots[j])
		i, r := rows.Add()
		r.key = n % 16
		x.Add(i, r.key)
		x.Move(i, (n+3)%16)
		slots[j] = i
	})
	if allocs != 0 {
		t.Fatalf("%v allocs per delete/insert/move, want 0", allocs)
	}
}
