package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaults(t *testing.T) {
	c, err := Load(Options{Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.Database != "neo4j" || c.Neo4j.BatchSize != 1000 || c.Managed.Version != "5.26.30" || !c.UsesManaged() {
		t.Fatalf("bad defaults: %+v", c)
	}
}

func TestRepositoryConfigMatchesDefaults(t *testing.T) {
	c, err := Load(Options{File: "../../config.yaml", Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Load(Options{Getenv: env(nil)})
	c.File = ""
	if fmt.Sprintf("%+v", *c) != fmt.Sprintf("%+v", *d) {
		t.Fatalf("config.yaml documents values that differ from the defaults:\n%+v\n%+v", *c, *d)
	}
}

func TestPrecedenceFlagEnvFileDefault(t *testing.T) {
	file := writeFile(t, "neo4j:\n  database: fromfile\n  batch_size: 10\n  query_timeout: 5\n")
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("database", "", "")
	if err := fs.Parse([]string{"--database", "fromflag"}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(Options{File: file, Getenv: env(map[string]string{
		"NEO4J_DATABASE":              "fromenv",
		"EVENTGRAPH_NEO4J_BATCH_SIZE": "20",
	}), Flags: map[string]*pflag.Flag{"neo4j.database": fs.Lookup("database")}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.Database != "fromflag" {
		t.Errorf("flag should win: %q", c.Neo4j.Database)
	}
	if c.Neo4j.BatchSize != 20 {
		t.Errorf("env should beat file: %d", c.Neo4j.BatchSize)
	}
	if c.Neo4j.QueryTimeout != 5 {
		t.Errorf("file should beat default: %d", c.Neo4j.QueryTimeout)
	}
	if c.Managed.BoltPort != 7687 {
		t.Errorf("default lost: %d", c.Managed.BoltPort)
	}
}

func TestEventgraphEnvBeatsConventionalEnv(t *testing.T) {
	c, err := Load(Options{Getenv: env(map[string]string{"NEO4J_URI": "bolt://a:1", "EVENTGRAPH_NEO4J_URI": "bolt://b:2"})})
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "bolt://b:2" || c.UsesManaged() {
		t.Fatalf("got %q", c.Neo4j.URI)
	}
}

func TestValidateNamesKeyValueAndAllowed(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want []string
	}{
		{map[string]string{"EVENTGRAPH_NEO4J_BATCH_SIZE": "0"}, []string{"neo4j.batch_size=0", "rows from 1"}},
		{map[string]string{"NEO4J_URI": "http://x"}, []string{"neo4j.uri=http://x", "allowed schemes"}},
		{map[string]string{"EVENTGRAPH_LOG_LEVEL": "loud"}, []string{"log.level=loud", "debug, info"}},
		{map[string]string{"EVENTGRAPH_MANAGED_VERSION": "2025.01.0"}, []string{"managed.version=2025.01.0", "Java 21"}},
		{map[string]string{"EVENTGRAPH_MANAGED_HEAP": "lots"}, []string{"managed.heap=lots"}},
	}
	for _, tc := range cases {
		_, err := Load(Options{Getenv: env(tc.env)})
		if err == nil {
			t.Errorf("%v: accepted", tc.env)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q lacks %q", tc.env, err, w)
			}
		}
	}
}

func TestURIWithCredentialsRejectedWithoutEchoingThem(t *testing.T) {
	_, err := Load(Options{Getenv: env(map[string]string{"NEO4J_URI": "bolt://neo4j:s3cr3t@host:7687"})})
	if err == nil || strings.Contains(err.Error(), "s3cr3t") {
		t.Fatalf("got %v", err)
	}
}

func TestUnknownKeyInFile(t *testing.T) {
	file := writeFile(t, "neo4j:\n  databse: typo\n")
	_, err := Load(Options{File: file, Getenv: env(nil)})
	if err == nil || !strings.Contains(err.Error(), "neo4j.databse") || !strings.Contains(err.Error(), file) {
		t.Fatalf("got %v", err)
	}
}

func TestMalformedFileNamesFile(t *testing.T) {
	file := writeFile(t, "neo4j: [unclosed\n")
	_, err := Load(Options{File: file, Getenv: env(nil)})
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Fatalf("got %v", err)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	c, err := Load(Options{Getenv: env(map[string]string{"NEO4J_PASSWORD": "hunter22secret"})})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprint(c.Neo4j.Password)} {
		if strings.Contains(s, "hunter22secret") {
			t.Fatalf("secret printed: %s", s)
		}
	}
	if c.Neo4j.Password.Reveal() != "hunter22secret" {
		t.Fatal("secret lost")
	}
}

func FuzzConfigFile(f *testing.F) {
	f.Add("neo4j:\n  database: x\n")
	f.Add("managed:\n  bolt_port: -1\n")
	f.Add("\x00\xff")
	f.Fuzz(func(t *testing.T, body string) {
		p := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = Load(Options{File: p, Getenv: env(nil)}) // must not panic
	})
}
