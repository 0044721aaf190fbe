package consts

import "testing"

func TestConstants(t *testing.T) {
	a := New()
	var got []string
	a.Subscribe("Out", 1, func(ts int64, b []byte) { got = append(got, string(b)) })
	a.SendJSONArray("In", 0, []byte(`[1, 3.0, "a"]`))
	a.SendJSONArray("In", 0, []byte(`[null, null, null]`))
	want := []string{
		// wrap, negmin, divzero, modzero, negzero, ratio, nullint, casenull, co, cc, yes, small
		`[-2147483648,-2147483648,null,null,null,0.75,null,null,"a","a-a",true,true]`,
		`[-2147483648,-2147483648,null,null,null,0.75,null,1,"x",null,true,null]`,
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
