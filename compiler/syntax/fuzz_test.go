package syntax

// This file holds FuzzParse: Parse must never panic, and every error must
// be a positioned diag.List.

import (
	"errors"
	"testing"

	"github.com/efluxc/efluxc/compiler/diag"
)

func FuzzParse(f *testing.F) {
	for _, c := range corpusCases(f) {
		f.Add(c.app)
	}
	f.Add([]byte("INSERT INTO X SELECT a FROM PATTERN (EVERY (e1=A[x > 1]{2,} -> NOT B FOR 1 sec AND e2=C) , e3=D?) WITHIN 5 min"))
	f.Add([]byte("PARTITION WITH (a < 1 AS 'x' OR a >= 1 AS 'y' OF S, b OF T) BEGIN SELECT * FROM #I INSERT INTO #J; END"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("app.eventflux", src)
		if err == nil {
			if file == nil {
				t.Fatal("nil file without error")
			}
			return
		}
		var l diag.List
		if !errors.As(err, &l) || len(l) != 1 {
			t.Fatalf("error is not a one-entry diag.List: %#v", err)
		}
		if l[0].Code != diag.Syntax || !l[0].Pos.IsValid() {
			t.Fatalf("bad diagnostic %#v", l[0])
		}
	})
}
