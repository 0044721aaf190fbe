package codegen

import (
	"encoding/json"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/types"
)

// rtTypeWords names attribute types in rt (rt.Int, rt.ReadInt, rt.AppendInt...).
var rtTypeWords = map[types.Type]string{
	types.Int: "Int", types.Long: "Long", types.Float: "Float",
	types.Double: "Double", types.String: "String", types.Bool: "Bool",
}

// genCodecs emits, per stream, a decoder for JSON objects, one for JSON
// arrays and an encoder: straight calls to rt's scanner and appenders, no
// reflection.
func (m *model) genCodecs(f *jen.File) {
	for _, s := range m.streams {
		if s.input() {
			m.genDecodeObject(f, s)
			m.genDecodeArray(f, s)
		}
		m.genAppend(f, s)
	}
}

// read is s.Read<T>(&e.F, &e.Null, i, "attr").
func read(s *stream, i int) *jen.Statement {
	a := s.plan.Attrs[i]
	return jen.Id("s").Dot("Read"+rtTypeWords[a.Type]).Call(
		jen.Op("&").Id("e").Dot(s.Fields[i]), jen.Op("&").Id("e").Dot("Null"), jen.Lit(i), jen.Lit(a.Name))
}

func (m *model) genDecodeObject(f *jen.File, s *stream) {
	cases := []jen.Code{}
	for i, a := range s.plan.Attrs {
		cases = append(cases, jen.Case(jen.Lit(a.Name)).Block(read(s, i)))
	}
	cases = append(cases, jen.Default().Block(jen.Id("s").Dot("UnknownKey").Call(jen.Lit(s.plan.Name))))
	n := len(s.plan.Attrs)
	f.Comment("decodeJSON reads a JSON object of attributes by name; missing ones are null.")
	f.Func().Params(jen.Id("e").Op("*").Id(s.Type)).Id("decodeJSON").
		Params(jen.Id("s").Op("*").Qual(rtPath, "Scanner")).Error().Block(
		jen.Op("*").Id("e").Op("=").Id(s.Type).Values(jen.Id("Null").Op(":").Lit(1).Op("<<").Lit(n).Op("-").Lit(1)),
		jen.For(jen.Id("s").Dot("NextKey").Call()).Block(
			jen.Switch(jen.String().Call(jen.Id("s").Dot("Key").Call())).Block(cases...),
		),
		jen.Return(jen.Id("s").Dot("Finish").Call()),
	)
	f.Line()
}

func (m *model) genDecodeArray(f *jen.File, s *stream) {
	n := len(s.plan.Attrs)
	body := []jen.Code{jen.Op("*").Id("e").Op("=").Id(s.Type).Values()}
	for i := range s.plan.Attrs {
		body = append(body, jen.If(jen.Id("s").Dot("Elem").Call(jen.Lit(n))).Block(read(s, i)))
	}
	body = append(body,
		jen.Id("s").Dot("EndArray").Call(jen.Lit(n)),
		jen.Return(jen.Id("s").Dot("Finish").Call()),
	)
	f.Comment("decodeJSONArray reads a JSON array of attribute values in declared order.")
	f.Func().Params(jen.Id("e").Op("*").Id(s.Type)).Id("decodeJSONArray").
		Params(jen.Id("s").Op("*").Qual(rtPath, "Scanner")).Error().Block(body...)
	f.Line()
}

func (m *model) genAppend(f *jen.File, s *stream) {
	body := []jen.Code{jen.Id("b").Op("=").Qual(rtPath, "BeginJSON").Call(jen.Id("b"), jen.Id("f"))}
	for i, a := range s.plan.Attrs {
		key := keyLiteral(a.Name)
		body = append(body,
			jen.Id("b").Op("=").Qual(rtPath, "AppendKey").Call(jen.Id("b"), jen.Id("f"), jen.Lit(i), key),
			jen.Id("b").Op("=").Qual(rtPath, "Append"+rtTypeWords[a.Type]).Call(
				jen.Id("b"), jen.Id("e").Dot(s.Fields[i]), jen.Id("e").Dot("Null").Dot("Is").Call(jen.Lit(i))),
		)
	}
	body = append(body, jen.Return(jen.Qual(rtPath, "EndJSON").Call(jen.Id("b"), jen.Id("f"))))
	f.Comment("appendJSON appends the event encoded in f.")
	f.Func().Params(jen.Id("e").Op("*").Id(s.Type)).Id("appendJSON").
		Params(jen.Id("b").Index().Byte(), jen.Id("f").Qual(rtPath, "Format")).Index().Byte().Block(body...)
	f.Line()
}

// genProgram emits the rt.Program methods, dispatching on stream names.
func (m *model) genProgram(f *jen.File) {
	m.genStreamsInfo(f)
	m.genSendJSON(f, "SendJSON", "decodeJSON", "obj",
		"SendJSON decodes a JSON object (attributes by name, missing ones null) and sends it to stream.")
	m.genSendJSON(f, "SendJSONArray", "decodeJSONArray", "arr",
		"SendJSONArray decodes a JSON array of attribute values and sends it to stream.")
	m.genSubscribe(f)
}

func (m *model) genStreamsInfo(f *jen.File) {
	infos := []jen.Code{}
	for _, s := range m.streams {
		attrs := []jen.Code{}
		for _, a := range s.plan.Attrs {
			attrs = append(attrs, jen.Values(field("Name", jen.Lit(a.Name)), field("Type", jen.Qual(rtPath, rtTypeWords[a.Type]))))
		}
		infos = append(infos, jen.Values(
			field("Name", jen.Lit(s.plan.Name)),
			field("Attrs", jen.Index().Qual(rtPath, "Attribute").Values(attrs...)),
			field("Input", jen.Lit(s.input())),
			field("Output", jen.Lit(s.written)),
		))
	}
	f.Comment("Streams lists the app's streams in definition order.")
	f.Func().Add(recv()).Id("Streams").Params().Index().Qual(rtPath, "StreamInfo").Block(
		jen.Return(jen.Index().Qual(rtPath, "StreamInfo").Values(infos...)),
	)
	f.Line()
}

func (m *model) genSendJSON(f *jen.File, method, decode, param, doc string) {
	cases := []jen.Code{}
	for _, s := range m.streams {
		if !s.input() {
			cases = append(cases, jen.Case(jen.Lit(s.plan.Name)).Block(
				jen.Return(jen.Qual(rtPath, "NotInput").Call(jen.Id("stream")))))
			continue
		}
		in := jen.Op("&").Id("a").Dot("in" + s.Type)
		cases = append(cases, jen.Case(jen.Lit(s.plan.Name)).Block(
			jen.If(jen.Err().Op(":=").Id("a").Dot("in"+s.Type).Dot(decode).Call(jen.Op("&").Id("a").Dot("dec")),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Id("a").Dot("Send"+s.Type).Call(jen.Id("ts"), in),
		))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Qual(rtPath, "UnknownStream").Call(jen.Id("stream")))))
	f.Comment(doc)
	f.Func().Add(recv()).Id(method).Params(jen.Id("stream").String(), jen.Id("ts").Int64(), jen.Id(param).Index().Byte()).Error().Block(
		jen.Id("a").Dot("dec").Dot("Reset").Call(jen.Id(param)),
		jen.Switch(jen.Id("stream")).Block(cases...),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

func (m *model) genSubscribe(f *jen.File) {
	cases := []jen.Code{}
	for _, s := range m.streams {
		cases = append(cases, jen.Case(jen.Lit(s.plan.Name)).Block(
			jen.Id("a").Dot("On"+s.Type).Call(jen.Func().Add(event(s.Type)).Block(
				jen.Id("buf").Op("=").Id("e").Dot("appendJSON").Call(jen.Id("buf").Index(jen.Empty(), jen.Lit(0)), jen.Id("f")),
				jen.Id("fn").Call(jen.Id("ts"), jen.Id("buf")),
			)),
		))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Qual(rtPath, "UnknownStream").Call(jen.Id("stream")))))
	f.Comment("Subscribe calls fn with every event of stream, encoded in f; b is valid only during the call.")
	f.Func().Add(recv()).Id("Subscribe").Params(
		jen.Id("stream").String(), jen.Id("f").Qual(rtPath, "Format"),
		jen.Id("fn").Func().Params(jen.Id("ts").Int64(), jen.Id("b").Index().Byte()),
	).Error().Block(
		jen.Var().Id("buf").Index().Byte().Comment("reused: encoding allocates only while it grows"),
		jen.Switch(jen.Id("stream")).Block(cases...),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

// field is `name: value` in a composite literal, keeping source order
// (jen.Dict would sort the keys).
func field(name string, value jen.Code) jen.Code { return jen.Id(name).Op(":").Add(value) }

// keyLiteral is the attribute name as a JSON string, written as a Go raw
// string when possible so that the generated code reads `"price"`.
func keyLiteral(name string) jen.Code {
	key, _ := json.Marshal(name)
	if !strings.Contains(string(key), "`") {
		return jen.Id("`" + string(key) + "`")
	}
	return jen.Lit(string(key))
}
