// The string functions of LANGUAGE.md §13.2 and UUID (§13.4).
package builtin

import "github.com/efluxc/efluxc/compiler/types"

// str is a function with a single fixed form.
func str(name, goName string, ps []param, result types.Type, partial bool, doc, example, res string) *Func {
	return &Func{Name: name, Doc: doc, Example: example, Result: res,
		forms: []form{{params: ps, result: result, goName: goName, partial: partial}}}
}

var (
	s1   = []param{pString}
	s2   = []param{pString, pString}
	s3   = []param{pString, pString, pString}
	sInt = []param{pString, pInt}
)

var stringFuncs = []*Func{
	str("LENGTH", "Length", s1, types.Int, false, "Number of code points.", "LENGTH('héllo')", "5"),
	str("UPPER", "Upper", s1, types.String, false, "ASCII letters to upper case.", "UPPER('abc1')", "'ABC1'"),
	str("LOWER", "Lower", s1, types.String, false, "ASCII letters to lower case.", "LOWER('AbC')", "'abc'"),
	str("TRIM", "Trim", s1, types.String, false, "Removes ASCII whitespace at both ends.", "TRIM(' a b\t')", "'a b'"),
	str("LTRIM", "LTrim", s1, types.String, false, "Removes ASCII whitespace at the start.", "LTRIM('  ab ')", "'ab '"),
	str("RTRIM", "RTrim", s1, types.String, false, "Removes ASCII whitespace at the end.", "RTRIM('  ab ')", "'  ab'"),
	{Name: "CONCAT", Doc: "Concatenation of one or more strings; null if any is null.",
		Example: "CONCAT('a', 'b', 'c')", Result: "'abc'", variadic: true,
		forms: []form{{params: s1, result: types.String, goName: "Concat"}}},
	{Name: "SUBSTRING", Aliases: []string{"SUBSTR"},
		Doc:     "The ≤ len code points from position max(start, 1) (all remaining without len); '' past the end; null when len < 0.",
		Example: "SUBSTRING('HelloWorld', 0, 5)", Result: "'Hello'",
		forms: []form{
			{params: sInt, result: types.String, goName: "Substring"},
			{params: []param{pString, pInt, pInt}, result: types.String, goName: "SubstringLen", partial: true},
		}},
	str("LEFT", "Left", sInt, types.String, false, "The first n code points ('' when n ≤ 0).", "LEFT('hello', 2)", "'he'"),
	str("RIGHT", "Right", sInt, types.String, false, "The last n code points ('' when n ≤ 0).", "RIGHT('hello', 3)", "'llo'"),
	str("LPAD", "LPad", []param{pString, pInt, pString}, types.String, false,
		"s left-padded with p (cyclically) to n code points, or cut to its first n.", "LPAD('7', 4, 'ab')", "'aba7'"),
	str("RPAD", "RPad", []param{pString, pInt, pString}, types.String, false,
		"s right-padded with p (cyclically) to n code points, or cut to its first n.", "RPAD('hello', 2, '*')", "'he'"),
	str("REPLACE", "Replace", s3, types.String, false,
		"Replaces every non-overlapping occurrence of from, left to right.", "REPLACE('aaa', 'aa', 'b')", "'ba'"),
	str("REVERSE", "Reverse", s1, types.String, false, "Code points in reverse order.", "REVERSE('abc')", "'cba'"),
	str("REPEAT", "Repeat", sInt, types.String, false, "s repeated n times ('' when n ≤ 0).", "REPEAT('ab', 3)", "'ababab'"),
	{Name: "POSITION", Aliases: []string{"LOCATE", "INSTR"},
		Doc:     "1-based position of the first occurrence of sub in s; 0 if absent, 1 if sub is ''.",
		Example: "POSITION('lo', 'hello')", Result: "4",
		forms: []form{{params: s2, result: types.Int, goName: "Position"}}},
	str("STARTS_WITH", "StartsWith", s2, types.Bool, false, "Whether s begins with p.", "STARTS_WITH('hello', 'he')", "true"),
	str("ENDS_WITH", "EndsWith", s2, types.Bool, false, "Whether s ends with p.", "ENDS_WITH('hello', 'he')", "false"),
	str("CONTAINS", "Contains", s2, types.Bool, false, "Whether sub occurs in s.", "CONTAINS('hello', 'ell')", "true"),
	str("ASCII", "ASCII", s1, types.Int, true, "Code point of the first character; null for ''.", "ASCII('A')", "65"),
	{Name: "CHR", Aliases: []string{"CHAR"}, Doc: "The character with code point n; null if n is not a valid code point.",
		Example: "CHR(97)", Result: "'a'",
		forms: []form{{params: []param{pInt}, result: types.String, goName: "Chr", partial: true}}},
	str("UUID", "UUID", nil, types.String, false,
		"A random RFC-4122 version-4 UUID, lower-case, 36 characters (non-deterministic).", "UUID()", ""),
}
