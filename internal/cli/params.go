package cli

import (
	"encoding/json"
	"strings"
)

func cutKV(kv string) (string, string, bool) {
	k, v, ok := strings.Cut(kv, "=")
	k = strings.TrimSpace(k)
	return k, v, ok && k != ""
}

// looseValue reads JSON scalars, lists and objects; anything else stays a string.
func looseValue(v string) any {
	t := strings.TrimSpace(v)
	if t == "" {
		return v
	}
	switch t[0] {
	case '[', '{', '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 't', 'f', 'n':
		var x any
		if err := json.Unmarshal([]byte(t), &x); err == nil {
			if f, ok := x.(float64); ok && f == float64(int64(f)) && !strings.ContainsAny(t, ".eE") {
				return int64(f)
			}
			return x
		}
	}
	return v
}
