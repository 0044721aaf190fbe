package main

import (
	"reflect"
	"testing"
)

func TestPackageName(t *testing.T) {
	for in, want := range map[string]string{
		"stock.eventflux":            "stock",
		"dir/Stock-Alerts.eventflux": "stockalerts",
		"1app.eventflux":             "app1app",
		"main.eventflux":             "appmain",
		"---.eventflux":              "app",
	} {
		if got := packageName(in); got != want {
			t.Errorf("packageName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitRunArgs(t *testing.T) {
	app, noOpt, rest, help := splitRunArgs([]string{"-O0", "-speed", "2", "app.eventflux", "-v"})
	if app != "app.eventflux" || !noOpt || help || !reflect.DeepEqual(rest, []string{"-speed", "2", "-v"}) {
		t.Errorf("got %q %v %q %v", app, noOpt, rest, help)
	}
	app, _, rest, _ = splitRunArgs([]string{"-x", "myapp.sql"})
	if app != "myapp.sql" || !reflect.DeepEqual(rest, []string{"-x"}) {
		t.Errorf("got %q %q", app, rest)
	}
	if _, _, _, help := splitRunArgs([]string{"-h"}); !help {
		t.Error("-h is not help")
	}
}
