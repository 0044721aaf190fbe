package names

import "testing"

func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"price": "Price", "stockStream": "StockStream", "triggered_time": "TriggeredTime",
		"2x": "X2x", "a b-c": "ABC", "_": "X", "élan": "Élan", "日本": "X日本", "type": "Type",
	} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnexported(t *testing.T) {
	for in, want := range map[string]string{"q1": "q1", "Type": "type_", "len": "len_", "Map": "map_"} {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScope(t *testing.T) {
	s := NewScope("Null", "App")
	got := []string{s.Take("X"), s.Take("X"), s.Take("Null"), s.Take("X2"), s.Take("App")}
	want := []string{"X", "X2", "Null2", "X22", "App2"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Take #%d = %q, want %q", i, got[i], want[i])
		}
	}
}
