// Tests of the Java-compatible floating formatting.
package stdlib

import (
	"math"
	"testing"
)

func TestFormatDouble(t *testing.T) {
	for x, want := range map[float64]string{
		42: "42.0", 0.001: "0.001", 1234567.5: "1234567.5", 1e7: "1.0E7", 1.5e-4: "1.5E-4", 100: "100.0",
		0: "0.0", math.Copysign(0, -1): "-0.0", math.Inf(1): "Infinity", math.Inf(-1): "-Infinity",
		-1.5: "-1.5", 0.1: "0.1", 9999999: "9999999.0", 9999999.999: "9999999.999", 0.0009999: "9.999E-4",
		1.0 / 3: "0.3333333333333333", 123456789: "1.23456789E8", -12345678.9: "-1.23456789E7",
		1e21: "1.0E21", 1e-10: "1.0E-10", math.MaxFloat64: "1.7976931348623157E308",
		4.9e-324: "4.9E-324", 2 * 4.9e-324: "9.9E-324", 1e23: "1.0E23", 2e-3: "0.002", 9.5e6: "9500000.0", 2.5: "2.5", 1e6: "1000000.0", 0.01: "0.01", 100.125: "100.125",
	} {
		if got := FormatDouble(x); got != want {
			t.Errorf("FormatDouble(%v) = %q, want %q", x, got, want)
		}
	}
	if FormatDouble(math.NaN()) != "NaN" {
		t.Error("NaN")
	}
}

func TestFormatFloat(t *testing.T) {
	for x, want := range map[float32]string{
		0.1: "0.1", 42: "42.0", 1e7: "1.0E7", 1.5e-4: "1.5E-4", 100: "100.0", 3.14159: "3.14159",
		1.0 / 3: "0.33333334", 16777216: "1.6777216E7", 0.001: "0.001", math.MaxFloat32: "3.4028235E38",
		-0.5: "-0.5", 1234567.5: "1234567.5", math.SmallestNonzeroFloat32: "1.4E-45", 9.999e-4: "9.999E-4",
	} {
		if got := FormatFloat(x); got != want {
			t.Errorf("FormatFloat(%v) = %q, want %q", x, got, want)
		}
	}
	if FormatFloat(float32(math.Copysign(0, -1))) != "-0.0" || FormatFloat(float32(math.Inf(-1))) != "-Infinity" {
		t.Error("special FLOAT values")
	}
}

func TestFormatAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = FormatDouble(1234.5678) }); n > 1 {
		t.Errorf("FormatDouble allocates %v times", n)
	}
}
