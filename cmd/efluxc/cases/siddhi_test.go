package cases

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestSiddhiPorts runs the ports of Siddhi's own unit tests that the
// conformance corpus does not include (testdata/siddhi/**, one
// subdirectory per area), with the optimizer on and off; both must pass
// and agree.
func TestSiddhiPorts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages")
	}
	root := filepath.Join("../../../testdata", "siddhi")
	entries, err := os.ReadDir(root)
	if os.IsNotExist(err) {
		t.Skip("no testdata/siddhi")
	}
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		path := filepath.Join(root, dir)
		t.Run(dir, func(t *testing.T) {
			cs, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			results, err := Run(cs, Options{Modes: []Mode{Optimized, Unoptimized}, Log: testLog{t}})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				if !r.Pass() || r.Disagreement() != "" {
					t.Errorf("%s", r.Report())
				}
			}
		})
	}
}
