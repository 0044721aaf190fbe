package cases

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var updateRatchet = flag.Bool("update-ratchet", false, "rewrite testdata/conformance/passing.txt with the cases that pass now")

const (
	corpusDir   = "../../../testdata/conformance"
	sharedDir   = "../../../../shared/conformance" // ../shared/conformance from the repository root
	ratchetFile = corpusDir + "/passing.txt"
)

// ours are the files in the vendored corpus that do not come from the shared one.
var ours = map[string]bool{"passing.txt": true, "DISPUTED.md": true}

// TestCorpusVendored fails when the vendored corpus differs from the shared
// one (when that exists): run `make corpus`.
func TestCorpusVendored(t *testing.T) {
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("no shared corpus at %s", sharedDir)
	}
	shared, err := corpusFiles(sharedDir)
	if err != nil {
		t.Fatal(err)
	}
	vendored, err := corpusFiles(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var diffs []string
	for name, b := range shared {
		v, ok := vendored[name]
		switch {
		case !ok:
			diffs = append(diffs, "missing "+name)
		case !bytes.Equal(v, b):
			diffs = append(diffs, "changed "+name)
		}
	}
	for name := range vendored {
		if _, ok := shared[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("testdata/conformance differs from ../shared/conformance (run `make corpus`):\n%s", strings.Join(diffs, "\n"))
	}
}

func corpusFiles(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if ours[rel] {
			return nil
		}
		files[rel], err = os.ReadFile(p)
		return err
	})
	return files, err
}

// TestCorpus runs the whole corpus in one generated program, every case
// with the optimizer on and off. It prints one line per area
// ("corpus windows: 87/100 pass"), fails when the two modes give different
// outputs for a case that compiles in both, and fails when a case listed in
// passing.txt does not pass. -update-ratchet rewrites passing.txt.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus builds hundreds of generated packages")
	}
	cs, err := Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	results, err := Run(cs, Options{Modes: []Mode{Optimized, Unoptimized}, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cases in %s", len(cs), time.Since(start).Round(time.Millisecond))

	type tally struct{ pass, total int }
	areas := map[string]*tally{}
	kinds := map[string]int{}
	passing := map[string]bool{}
	for _, r := range results {
		area, _, _ := strings.Cut(r.Case.Name, "/")
		if areas[area] == nil {
			areas[area] = &tally{}
		}
		areas[area].total++
		if d := r.Disagreement(); d != "" {
			t.Errorf("optimizer on and off disagree: %s", d)
		}
		if r.Pass() && r.Disagreement() == "" {
			areas[area].pass++
			passing[r.Case.Name] = true
			continue
		}
		for _, run := range r.Runs {
			if !run.Pass() {
				kinds[run.Kind.String()+" ("+run.Mode.String()+")"]++
			}
		}
	}
	names := make([]string, 0, len(areas))
	for a := range areas {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, a := range names {
		fmt.Printf("corpus %s: %d/%d pass\n", a, areas[a].pass, areas[a].total)
	}
	t.Logf("failures by kind: %v", kinds)

	if *updateRatchet {
		if err := writeRatchet(passing); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d cases to %s", len(passing), ratchetFile)
		return
	}
	listed, err := readRatchet()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*Result{}
	for _, r := range results {
		byName[r.Case.Name] = r
	}
	for _, name := range listed {
		r, ok := byName[name]
		switch {
		case !ok:
			t.Errorf("passing.txt lists %s, which is not in the corpus", name)
		case !passing[name]:
			t.Errorf("ratchet: %s passed before and fails now:\n%s", name, r.Report())
		}
	}
	if n := len(passing) - len(listed); n > 0 {
		t.Logf("%d passing cases are not in passing.txt yet: run with -args -update-ratchet", n)
	}
}

// readRatchet returns the case names in passing.txt (comments and blank lines skipped).
func readRatchet() ([]string, error) {
	b, err := os.ReadFile(ratchetFile)
	if err != nil {
		return nil, err
	}
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			names = append(names, l)
		}
	}
	return names, sc.Err()
}

// writeRatchet rewrites passing.txt: its comment header, then the names.
func writeRatchet(passing map[string]bool) error {
	old, err := os.ReadFile(ratchetFile)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var b bytes.Buffer
	for _, l := range strings.SplitAfter(string(old), "\n") {
		if !strings.HasPrefix(l, "#") {
			break
		}
		b.WriteString(l)
	}
	names := make([]string, 0, len(passing))
	for n := range passing {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	return os.WriteFile(ratchetFile, b.Bytes(), 0o644)
}

// testLog sends the runner's progress messages to t.Log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
