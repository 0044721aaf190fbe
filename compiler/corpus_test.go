package compiler_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/efluxc/efluxc/compiler"
)

// corpusDir is the vendored conformance corpus.
const corpusDir = "../testdata/conformance"

// TestCorpusCompiles checks every corpus app against the front end alone:
// apps without an error section must compile, apps with one must be
// rejected with an error containing every expected substring.
func TestCorpusCompiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.txtar"))
	if len(files) == 0 {
		t.Skip("no corpus vendored")
	}
	for _, f := range files {
		name, _ := filepath.Rel(corpusDir, f)
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var src, wantErr []byte
			hasErr := false
			for _, s := range ar.Files {
				switch s.Name {
				case "app.eventflux":
					src = s.Data
				case "error":
					wantErr, hasErr = s.Data, true
				}
			}
			_, err = compiler.Compile("app.eventflux", src)
			if !hasErr {
				if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("compiled, want error containing %q", strings.TrimSpace(string(wantErr)))
			}
			for _, line := range strings.Split(string(wantErr), "\n") {
				line = strings.TrimSpace(line)
				if line != "" && !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(line)) {
					t.Errorf("error %q does not contain %q", err, line)
				}
			}
		})
	}
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }
