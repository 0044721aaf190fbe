package check_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/diag"
)

// expectRx finds expected errors written next to the offending line, in the
// style of go/types testdata: `-- ERROR "substring"`.
var expectRx = regexp.MustCompile(`-- ERROR "([^"]*)"`)

// TestErrors compiles each testdata/*.eventflux file and requires the
// diagnostics to be exactly the expected ones: every expectation met on its
// line, and no diagnostic on a line without one.
func TestErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/*.eventflux")
	if err != nil || len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := map[int][]string{}
			for i, line := range strings.Split(string(src), "\n") {
				for _, m := range expectRx.FindAllStringSubmatch(line, -1) {
					want[i+1] = append(want[i+1], m[1])
				}
			}
			_, err = compiler.Compile(filepath.Base(f), src)
			var list diag.List
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("error is not a diag.List: %v", err)
			}
			for _, d := range list {
				exp := want[d.Pos.Line]
				matched := -1
				for i, w := range exp {
					if strings.Contains(d.Msg, w) {
						matched = i
						break
					}
				}
				if matched < 0 {
					t.Errorf("unexpected error %s", d.Error())
					continue
				}
				want[d.Pos.Line] = append(exp[:matched], exp[matched+1:]...)
			}
			for line, exp := range want {
				for _, w := range exp {
					t.Errorf("%s:%d: missing error %q", filepath.Base(f), line, w)
				}
			}
		})
	}
}
