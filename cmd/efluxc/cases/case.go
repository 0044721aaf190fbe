// Package cases loads and runs .txtar test cases (../../../docs and
// TESTFORMAT.md): an app, the events fed to it and what must come out. It is
// shared by `efluxc test` and the conformance corpus test. Many cases run in
// one generated Go program: one `go build`, one process.
package cases

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/txtar"
)

// AppFile is the section holding the application; it is also the file name
// the compiler sees, so positions read "app.eventflux:3:18".
const AppFile = "app.eventflux"

// Case is one .txtar archive.
type Case struct {
	Path    string // file path as found on disk (reports show it)
	Name    string // slash path relative to the directory it was found in, or Path: the case's ID
	Comment string
	App     []byte
	Input   []Step
	Expect  []Expect
	// Errors holds the substrings of an `error` section; IsError reports
	// whether the section was present (even if empty).
	Errors  []string
	IsError bool
	// LoadErr is set when the archive is malformed; such a case fails.
	LoadErr error
}

// Step is one `input` line: an event when Stream is set, else a clock move.
type Step struct {
	Line   int // 1-based line within the input section
	Time   int64
	Stream string
	Args   json.RawMessage // the JSON array of attribute values
}

// Expect is one STREAM.out or STREAM.set section.
type Expect struct {
	Stream  string
	Ordered bool     // .out (true) or .set (false)
	Rows    []string // one JSON array per expected event
}

// Section returns the section's name, e.g. "Out.out".
func (e Expect) Section() string {
	if e.Ordered {
		return e.Stream + ".out"
	}
	return e.Stream + ".set"
}

// Load reads .txtar archives from files and directories (recursively, in
// lexical order). Only unreadable paths are errors; a malformed archive
// becomes a Case with LoadErr set.
func Load(paths ...string) ([]*Case, error) {
	var out []*Case
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			c, err := LoadFile(p, p)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(f, ".txtar") {
				files = append(files, f)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			rel, err := filepath.Rel(p, f)
			if err != nil {
				rel = f
			}
			c, err := LoadFile(f, filepath.ToSlash(rel))
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// LoadFile reads one archive; name is what reports call it.
func LoadFile(path, name string) (*Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := Parse(b)
	c.Path, c.Name = path, name
	return c, nil
}

// Parse parses an archive's text. Problems are recorded in LoadErr.
func Parse(data []byte) *Case {
	a := txtar.Parse(data)
	c := &Case{Comment: string(a.Comment)}
	c.LoadErr = c.parseSections(a)
	return c
}

func (c *Case) parseSections(a *txtar.Archive) error {
	seen := map[string]bool{}
	streams := map[string]bool{}
	var input []byte
	hasApp, hasInput := false, false
	for _, f := range a.Files {
		if seen[f.Name] {
			return fmt.Errorf("duplicate section %q", f.Name)
		}
		seen[f.Name] = true
		switch {
		case f.Name == AppFile:
			c.App, hasApp = f.Data, true
		case f.Name == "input":
			input, hasInput = f.Data, true
		case f.Name == "error":
			c.IsError = true
			for _, l := range strings.Split(string(f.Data), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					c.Errors = append(c.Errors, l)
				}
			}
		case strings.HasSuffix(f.Name, ".out"), strings.HasSuffix(f.Name, ".set"):
			stream := f.Name[:len(f.Name)-4]
			if stream == "" {
				return fmt.Errorf("section %q names no stream", f.Name)
			}
			if streams[stream] {
				return fmt.Errorf("stream %s has both a .out and a .set section", stream)
			}
			streams[stream] = true
			e := Expect{Stream: stream, Ordered: strings.HasSuffix(f.Name, ".out")}
			for i, l := range strings.Split(string(f.Data), "\n") {
				if l = strings.TrimSpace(l); l == "" {
					continue
				}
				if _, err := parseRow(l); err != nil {
					return fmt.Errorf("%s line %d: %v", f.Name, i+1, err)
				}
				e.Rows = append(e.Rows, l)
			}
			c.Expect = append(c.Expect, e)
		default:
			return fmt.Errorf("unknown section %q", f.Name)
		}
	}
	if !hasApp {
		return fmt.Errorf("missing section %q", AppFile)
	}
	if !hasInput && !c.IsError {
		return fmt.Errorf("missing section \"input\" (required unless \"error\" is given)")
	}
	steps, err := ParseInput(input)
	c.Input = steps
	return err
}

// ParseInput parses an `input` section.
func ParseInput(data []byte) ([]Step, error) {
	var steps []Step
	last := int64(-1)
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		ts, rest := l, ""
		if j := strings.IndexAny(l, " \t"); j >= 0 {
			ts, rest = l[:j], strings.TrimSpace(l[j+1:])
		}
		t, err := strconv.ParseInt(ts, 10, 64)
		if err != nil || t < 0 {
			return nil, fmt.Errorf("input line %d: time %q is not an integer >= 0", i+1, ts)
		}
		if t < last {
			return nil, fmt.Errorf("input line %d: time %d is before %d", i+1, t, last)
		}
		last = t
		s := Step{Line: i + 1, Time: t}
		if rest != "" {
			name, args := rest, ""
			if j := strings.IndexAny(rest, " \t"); j >= 0 {
				name, args = rest[:j], strings.TrimSpace(rest[j+1:])
			}
			if args == "" {
				return nil, fmt.Errorf("input line %d: stream %s needs a JSON array of values", i+1, name)
			}
			if _, err := parseRow(args); err != nil {
				return nil, fmt.Errorf("input line %d: %v", i+1, err)
			}
			s.Stream, s.Args = name, json.RawMessage(args)
		}
		steps = append(steps, s)
	}
	return steps, nil
}

// parseRow decodes one JSON array, keeping numbers as written.
func parseRow(s string) ([]any, error) {
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("bad JSON %s: %v", s, err)
	}
	if d.More() {
		return nil, fmt.Errorf("trailing text after JSON array %s", s)
	}
	row, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is not a JSON array", s)
	}
	return row, nil
}
