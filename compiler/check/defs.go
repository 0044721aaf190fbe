package check

import (
	"strings"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// columns checks a column list: known types, unique names.
func (c *checker) columns(cols []syntax.Column, what, owner string) []plan.Attr {
	attrs := make([]plan.Attr, 0, len(cols))
	seen := map[string]bool{}
	for _, col := range cols {
		t, ok := types.Parse(col.Type.Name)
		if !ok {
			c.errorf(col.Type.Pos, diag.Definition, "unknown type %s of attribute '%s'", col.Type.Name, col.Name.Name)
			t = types.Invalid
		}
		if seen[col.Name.Name] {
			c.errorf(col.Name.Pos, diag.Name, "duplicate attribute '%s' in %s '%s'", col.Name.Name, what, owner)
		}
		seen[col.Name.Name] = true
		attrs = append(attrs, plan.Attr{Name: col.Name.Name, Type: t})
	}
	if len(attrs) > 64 {
		c.errorf(cols[64].Name.Pos, diag.Definition, "%s '%s' has more than 64 attributes", what, owner)
	}
	return attrs
}

func (c *checker) streamDef(s *syntax.StreamDef) {
	name := s.Name.Name
	if isInner(name) {
		c.errorf(s.Name.Pos, diag.Definition, "inner stream '%s' cannot be defined; insert into it inside a partition", name)
		return
	}
	attrs := c.columns(s.Columns, "stream", name)
	with := c.withClause(s.With, false)
	if prev, ok := c.names[name]; ok {
		if st, ok := prev.(*plan.Stream); ok && st.Kind != plan.TriggerStream && sameSchema(st.Attrs, attrs) {
			return // identical redefinition is ignored (§3)
		}
		c.errorf(s.Name.Pos, diag.Definition, "%s '%s' is already defined with a different schema", kindName(prev), name)
		return
	}
	st := &plan.Stream{Name: name, Kind: plan.Declared, Attrs: attrs, With: with, Pos: s.Pos}
	c.names[name] = st
	c.app.Streams = append(c.app.Streams, st)
}

func sameSchema(a, b []plan.Attr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// withClause validates WITH properties (§3.1).
func (c *checker) withClause(props []syntax.Property, table bool) []plan.Property {
	out := make([]plan.Property, 0, len(props))
	seen := map[string]bool{}
	get := map[string]syntax.Property{}
	for _, p := range props {
		if seen[p.Key] {
			c.errorf(p.Pos, diag.Definition, "duplicate WITH property '%s'", p.Key)
		}
		seen[p.Key] = true
		get[p.Key] = p
		out = append(out, plan.Property{Key: p.Key, Value: p.Value, Pos: p.Pos})
	}
	typ, hasType := get["type"]
	ext, hasExt := get["extension"]
	fmtp, hasFormat := get["format"]
	if table {
		if hasExt && !strings.EqualFold(ext.Value, "inMemory") {
			c.errorf(ext.Pos, diag.Definition, "unsupported table extension '%s' (only 'inMemory')", ext.Value)
		}
		return out
	}
	if hasType {
		switch strings.ToLower(typ.Value) {
		case "source", "sink":
			if !hasExt {
				c.errorf(typ.Pos, diag.Definition, "WITH type '%s' requires an 'extension' property", typ.Value)
			}
		case "internal":
			if hasExt {
				c.errorf(ext.Pos, diag.Definition, "WITH 'extension' is not allowed for type 'internal'")
			}
			if hasFormat {
				c.errorf(fmtp.Pos, diag.Definition, "WITH 'format' is not allowed for type 'internal'")
			}
		default:
			c.errorf(typ.Pos, diag.Definition, "invalid WITH type '%s' (want 'source', 'sink' or 'internal')", typ.Value)
		}
	} else {
		if hasExt {
			c.errorf(ext.Pos, diag.Definition, "WITH 'extension' requires type 'source' or 'sink'")
		}
		if hasFormat {
			c.errorf(fmtp.Pos, diag.Definition, "WITH 'format' requires type 'source' or 'sink'")
		}
	}
	return out
}

func (c *checker) tableDef(s *syntax.TableDef) {
	name := s.Name.Name
	attrs := c.columns(s.Columns, "table", name)
	with := c.withClause(s.With, true)
	t := &plan.Table{Name: name, Attrs: attrs, With: with, Pos: s.Pos}
	forms := 0
	var pkCols []syntax.Ident
	var pkPos source.Pos
	for _, col := range s.Columns {
		if col.PrimaryKey {
			if forms == 0 || pkPos == (source.Pos{}) {
				pkPos = col.Name.Pos
			}
			pkCols = append(pkCols, col.Name)
		}
	}
	if len(pkCols) > 0 {
		forms++
	}
	if s.PrimaryKey != nil {
		forms++
		pkCols, pkPos = s.PrimaryKey, s.PKPos
	}
	for _, p := range s.With {
		if p.Key == "primary_key" {
			forms++
			pkPos = p.Pos
			pkCols = nil
			for _, n := range strings.Split(p.Value, ",") {
				pkCols = append(pkCols, syntax.Ident{Pos: p.Pos, Name: strings.TrimSpace(n)})
			}
		}
	}
	if forms > 1 {
		c.errorf(pkPos, diag.Definition, "primary key of table '%s' declared more than once", name)
	}
	for _, col := range pkCols {
		i := attrIndex(attrs, col.Name)
		if i < 0 {
			c.errorf(col.Pos, diag.Definition, "primary key column '%s' is not a column of table '%s'", col.Name, name)
			continue
		}
		t.PrimaryKey = append(t.PrimaryKey, i)
	}
	if prev, ok := c.names[name]; ok {
		c.errorf(s.Name.Pos, diag.Definition, "table '%s' is already defined as a %s", name, kindName(prev))
		return
	}
	c.names[name] = t
	c.app.Tables = append(c.app.Tables, t)
}

func attrIndex(attrs []plan.Attr, name string) int {
	for i, a := range attrs {
		if a.Name == name {
			return i
		}
	}
	return -1
}

func (c *checker) triggerDef(s *syntax.TriggerDef) {
	name := s.Name.Name
	tr := &plan.Trigger{Name: name, Pos: s.Pos}
	switch {
	case s.Start:
		tr.Kind = plan.AtStart
	case s.Every != nil:
		tr.Kind = plan.AtEvery
		if v, ok := c.constInt(s.Every, "AT EVERY"); ok {
			if v <= 0 {
				c.errorf(s.Every.ExprPos(), diag.Definition, "trigger '%s': AT EVERY must be a positive duration, got %d", name, v)
			}
			tr.Period = v
		}
	default:
		tr.Kind = plan.AtCron
		tr.Cron = s.Cron
		if err := validateCron(s.Cron); err != nil {
			c.errorf(s.CronPos, diag.Definition, "trigger '%s': invalid cron expression '%s': %v", name, s.Cron, err)
		}
	}
	if prev, ok := c.names[name]; ok {
		c.errorf(s.Name.Pos, diag.Definition, "trigger '%s' is already defined as a %s", name, kindName(prev))
		return
	}
	tr.Stream = &plan.Stream{Name: name, Kind: plan.TriggerStream, Pos: s.Pos,
		Attrs: []plan.Attr{{Name: "triggered_time", Type: types.Long}}}
	c.names[name] = tr
	c.app.Triggers = append(c.app.Triggers, tr)
	c.app.Streams = append(c.app.Streams, tr.Stream)
}
