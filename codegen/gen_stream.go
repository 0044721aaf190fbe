package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
)

var streamKindWords = map[plan.StreamKind]string{
	plan.Declared:      "declared",
	plan.Inferred:      "inferred",
	plan.TriggerStream: "trigger",
	plan.InnerStream:   "inner stream",
}

// genStreams emits one struct per stream, fields in declaration order.
func (m *model) genStreams(f *jen.File) {
	for _, s := range append(m.streams[:len(m.streams):len(m.streams)], m.inner...) {
		fields := make([]jen.Code, 0, len(s.Fields)+1)
		for i, a := range s.plan.Attrs {
			fld := jen.Id(s.Fields[i]).Add(expr.GoType(a.Type))
			if s.Fields[i] != capitalize(a.Name) {
				fld.Comment(fmt.Sprintf("attribute %q", a.Name))
			}
			fields = append(fields, fld)
		}
		fields = append(fields, jen.Id("Null").Qual(rtPath, "NullMask").Comment("bit i set: attribute i is null"))
		f.Commentf("%s is an event of stream %s (%s at line %d).", s.Type, s.plan.Name,
			streamKindWords[s.plan.Kind], s.plan.Pos.Line)
		f.Type().Id(s.Type).Struct(fields...)
		f.Line()
	}
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
