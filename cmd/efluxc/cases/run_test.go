package cases

import (
	"strings"
	"testing"
	"time"

	"github.com/efluxc/efluxc/compiler/types"
)

// fakeApp is a hand-written stand-in for generated code: S (sym STRING,
// v DOUBLE) → Out [sym, v*1.5]; v = 99 panics, v = 77 loops forever.
const fakeApp = `package PKG

import (
	"encoding/json"
	"fmt"

	"github.com/efluxc/efluxc/rt"
)

type App struct{ subs map[string][]func(int64, []byte) }

func New() *App { return &App{subs: map[string][]func(int64, []byte){}} }

func (a *App) Streams() []rt.StreamInfo {
	return []rt.StreamInfo{{Name: "S", Input: true}, {Name: "Out"}}
}

func (a *App) SendJSON(stream string, ts int64, b []byte) error { return fmt.Errorf("no") }

func (a *App) SendJSONArray(stream string, ts int64, b []byte) error {
	if stream != "S" {
		return fmt.Errorf("unknown stream %s", stream)
	}
	var v []any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	x := v[1].(float64)
	if x == 99 {
		panic("boom")
	}
	for x == 77 {
	}
	out, _ := json.Marshal([]any{v[0], x * MULT})
	for _, f := range a.subs["Out"] {
		f(ts, out)
	}
	return nil
}

func (a *App) Subscribe(stream string, f rt.Format, fn func(int64, []byte)) error {
	if stream != "Out" && stream != "S" {
		return fmt.Errorf("no stream %s", stream)
	}
	a.subs[stream] = append(a.subs[stream], fn)
	return nil
}

func (a *App) AdvanceTo(ts int64)                 {}
func (a *App) NextDeadline() (int64, bool)        { return 0, false }
`

func fakeFrontend(c *Case, m Mode, pkg string) compiled {
	schema := map[string][]types.Type{"S": {types.String, types.Double}, "Out": {types.String, types.Double}}
	switch {
	case strings.Contains(c.Comment, "unsupported"):
		return compiled{kind: Unsupported, detail: "app.eventflux:1:1: not supported yet: things"}
	case strings.Contains(c.Comment, "broken"):
		return compiled{kind: Passed, schema: schema, files: map[string][]byte{"app.go": []byte("package " + pkg + "\n\nfunc New() int { return undefinedName }\n")}}
	}
	mult := "1.5"
	if strings.Contains(c.Comment, "modes differ") && m == Unoptimized {
		mult = "2"
	}
	src := strings.ReplaceAll(strings.ReplaceAll(fakeApp, "PKG", pkg), "MULT", mult)
	return compiled{kind: Passed, schema: schema, files: map[string][]byte{"app.go": []byte(src)}}
}

const fakeSrc = "-- app.eventflux --\nCREATE STREAM S (sym STRING, v DOUBLE);\n"

func parseCase(t *testing.T, name, text string) *Case {
	t.Helper()
	c := Parse([]byte(text))
	c.Name, c.Path = name, name
	return c
}

func TestRunWithFakeFrontend(t *testing.T) {
	cs := []*Case{
		parseCase(t, "pass.txtar", "passes\n"+fakeSrc+"-- input --\n0 S [\"a\", 2]\n10\n20 S [\"b\", 1]\n-- Out.out --\n[\"a\", 3]\n[\"b\", 1.5000000001]\n"),
		parseCase(t, "set.txtar", "set\n"+fakeSrc+"-- input --\n0 S [\"a\", 2]\n20 S [\"b\", 1]\n-- Out.set --\n[\"b\", 1.5]\n[\"a\", 3]\n"),
		parseCase(t, "wrong.txtar", "wrong\n"+fakeSrc+"-- input --\n0 S [\"a\", 2]\n20 S [\"b\", 1]\n-- Out.out --\n[\"a\", 3]\n[\"c\", 1.5]\n"),
		parseCase(t, "empty.txtar", "empty section\n"+fakeSrc+"-- input --\n0 S [\"a\", 2]\n-- Out.out --\n"),
		parseCase(t, "panic.txtar", "panics\n"+fakeSrc+"-- input --\n0 S [\"a\", 99]\n-- Out.out --\n"),
		parseCase(t, "hang.txtar", "hangs\n"+fakeSrc+"-- input --\n0 S [\"a\", 77]\n-- Out.out --\n"),
		parseCase(t, "after.txtar", "after the hang\n"+fakeSrc+"-- input --\n0 S [\"a\", 2]\n-- Out.out --\n[\"a\", 3]\n"),
		parseCase(t, "broken.txtar", "broken\n"+fakeSrc+"-- input --\n-- Out.out --\n"),
		parseCase(t, "unsupported.txtar", "unsupported\n"+fakeSrc+"-- input --\n-- Out.out --\n"),
		parseCase(t, "differ.txtar", "modes differ\n"+fakeSrc+"-- input --\n0 S [\"a\", 2]\n-- Out.out --\n[\"a\", 3]\n"),
		parseCase(t, "malformed.txtar", "no input\n"+fakeSrc),
	}
	res, err := Run(cs, Options{Modes: []Mode{Optimized, Unoptimized}, Timeout: 3 * time.Second,
		CacheDir: t.TempDir(), frontend: fakeFrontend})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]Kind{
		"pass.txtar":        {Passed, Passed},
		"set.txtar":         {Passed, Passed},
		"wrong.txtar":       {Mismatch, Mismatch},
		"empty.txtar":       {Mismatch, Mismatch},
		"panic.txtar":       {RuntimeError, RuntimeError},
		"hang.txtar":        {RuntimeError, RuntimeError},
		"after.txtar":       {Passed, Passed},
		"broken.txtar":      {BuildError, BuildError},
		"unsupported.txtar": {Unsupported, Unsupported},
		"differ.txtar":      {Passed, Mismatch},
		"malformed.txtar":   {LoadError, LoadError},
	}
	for _, r := range res {
		w := want[r.Case.Name]
		if r.Runs[0].Kind != w[0] || r.Runs[1].Kind != w[1] {
			t.Errorf("%s: got %v/%v, want %v/%v\n%s", r.Case.Name, r.Runs[0].Kind, r.Runs[1].Kind, w[0], w[1], r.Report())
		}
		t.Logf("%s", r.Report())
		if d := r.Disagreement(); (d != "") != (r.Case.Name == "differ.txtar") {
			t.Errorf("%s: disagreement %q", r.Case.Name, d)
		}
	}
}

func TestErrorCases(t *testing.T) {
	app := "-- app.eventflux --\nCREATE STREAM S (a INT);\nINSERT INTO O SELECT b FROM S;\n"
	cs := []*Case{
		parseCase(t, "match.txtar", "x\n"+app+"-- error --\nUNDEFINED attribute\n\n'b'\n"),
		parseCase(t, "nomatch.txtar", "x\n"+app+"-- error --\nundefined stream\n"),
		parseCase(t, "compiles.txtar", "x\n-- app.eventflux --\nCREATE STREAM S (a INT);\n-- error --\nanything\n"),
	}
	res, err := Run(cs, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	want := []Kind{Passed, CompileError, CompileError}
	for i, r := range res {
		if r.Runs[0].Kind != want[i] {
			t.Errorf("%s: got %v, want %v\n%s", r.Case.Name, r.Runs[0].Kind, want[i], r.Report())
		}
	}
}
