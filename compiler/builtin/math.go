// The math functions of LANGUAGE.md §13.1.
package builtin

import "github.com/efluxc/efluxc/compiler/types"

// num1 is a one-argument DOUBLE → DOUBLE function.
func num1(name, goName string, partial bool, doc, example, result string) *Func {
	return &Func{Name: name, Doc: doc, Example: example, Result: result,
		forms: []form{{params: []param{pDouble}, result: types.Double, goName: goName, partial: partial}}}
}

var mathFuncs = []*Func{
	{Name: "ABS", Doc: "Absolute value, of the argument's type (INT/LONG minimum wraps to itself).",
		Example: "ABS(-7)", Result: "7",
		forms: []form{{params: []param{pNum}, result: types.Invalid, goName: "Abs"}}},
	num1("CEIL", "Ceil", false, "Smallest integer value ≥ x, as DOUBLE.", "CEIL(1.2)", "2.0"),
	num1("FLOOR", "Floor", false, "Largest integer value ≤ x, as DOUBLE.", "FLOOR(-1.2)", "-2.0"),
	{Name: "ROUND", Doc: "Nearest integer, halves away from zero; ROUND(x, n) rounds at n decimals (n may be negative).",
		Example: "ROUND(4.567, 2)", Result: "4.57",
		forms: []form{
			{params: []param{pDouble}, result: types.Double, goName: "Round"},
			{params: []param{pDouble, pInt}, result: types.Double, goName: "RoundN"},
		}},
	{Name: "TRUNC", Aliases: []string{"TRUNCATE"}, Doc: "Truncates toward zero, optionally at n decimals.",
		Example: "TRUNC(-4.567, 1)", Result: "-4.5",
		forms: []form{
			{params: []param{pDouble}, result: types.Double, goName: "Trunc"},
			{params: []param{pDouble, pInt}, result: types.Double, goName: "TruncN"},
		}},
	{Name: "SIGN", Doc: "−1, 0 or 1 as x is negative, zero or positive.",
		Example: "SIGN(-3.5)", Result: "-1",
		forms: []form{{params: []param{pNum}, result: types.Int, goName: "Sign"}}},
	{Name: "MOD", Doc: "Floating remainder x − trunc(x/y)·y (sign of x); null when y is 0.",
		Example: "MOD(-7, 2)", Result: "-1.0",
		forms: []form{{params: []param{pDouble, pDouble}, result: types.Double, goName: "Mod", partial: true}}},
	num1("SQRT", "Sqrt", true, "Square root; null for a negative argument.", "SQRT(16)", "4.0"),
	{Name: "POWER", Aliases: []string{"POW"}, Doc: "x raised to the power y; null when the result is undefined.",
		Example: "POWER(2, 10)", Result: "1024.0",
		forms: []form{{params: []param{pDouble, pDouble}, result: types.Double, goName: "Power", partial: true}}},
	num1("EXP", "Exp", false, "e raised to the power x.", "EXP(0)", "1.0"),
	num1("LN", "Ln", true, "Natural logarithm; null when x ≤ 0.", "LN(1)", "0.0"),
	{Name: "LOG", Doc: "LOG(x) is the natural logarithm; LOG(b, x) the base-b logarithm; null when x ≤ 0, b ≤ 0 or b = 1.",
		Example: "LOG(2, 8)", Result: "3.0",
		forms: []form{
			{params: []param{pDouble}, result: types.Double, goName: "Ln", partial: true},
			{params: []param{pDouble, pDouble}, result: types.Double, goName: "LogBase", partial: true},
		}},
	num1("LOG10", "Log10", true, "Base-10 logarithm; null when x ≤ 0.", "LOG10(1000)", "3.0"),
	num1("SIN", "Sin", true, "Sine of x radians.", "SIN(0)", "0.0"),
	num1("COS", "Cos", true, "Cosine of x radians.", "COS(0)", "1.0"),
	num1("TAN", "Tan", true, "Tangent of x radians.", "TAN(0)", "0.0"),
	num1("ASIN", "Asin", true, "Arcsine in radians; null outside [−1, 1].", "ASIN(2)", "NULL"),
	num1("ACOS", "Acos", true, "Arccosine in radians; null outside [−1, 1].", "ACOS(1)", "0.0"),
	num1("ATAN", "Atan", false, "Arctangent in radians.", "ATAN(0)", "0.0"),
}
