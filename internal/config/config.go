// Package config loads eventgraph's typed configuration through viper with
// the precedence flag > environment > file > default.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is the whole configuration. Field tags are the config keys.
type Config struct {
	Neo4j    Neo4j    `mapstructure:"neo4j"`
	Managed  Managed  `mapstructure:"managed"`
	Extract  Extract  `mapstructure:"extract"`
	Analysis Analysis `mapstructure:"analysis"`
	Refresh  Refresh  `mapstructure:"refresh"`
	Log      Log      `mapstructure:"log"`

	// File is the configuration file that was read, "" when none.
	File string `mapstructure:"-"`
}

// Neo4j is the connection to an existing server; an empty URI selects the
// managed local server.
type Neo4j struct {
	URI          string `mapstructure:"uri"`
	Username     string `mapstructure:"username"`
	Password     Secret `mapstructure:"password"`
	Database     string `mapstructure:"database"`
	QueryTimeout int    `mapstructure:"query_timeout"`
	BatchSize    int    `mapstructure:"batch_size"`
}

// Managed configures the managed local Neo4j.
type Managed struct {
	Home         string   `mapstructure:"home"`
	Version      string   `mapstructure:"version"`
	BoltPort     int      `mapstructure:"bolt_port"`
	Heap         string   `mapstructure:"heap"`
	Pagecache    string   `mapstructure:"pagecache"`
	StartTimeout int      `mapstructure:"start_timeout"`
	Plugins      []string `mapstructure:"plugins"`
}

// Extract configures extraction.
type Extract struct {
	KBOverlay string `mapstructure:"kb_overlay"`
	MaxBytes  int64  `mapstructure:"max_bytes"`
}

// Analysis configures network analysis.
type Analysis struct {
	HalfLifeDays float64 `mapstructure:"half_life_days"`
	Windows      string  `mapstructure:"windows"`
	Seed         uint64  `mapstructure:"seed"`
	Top          int     `mapstructure:"top"`
}

// Refresh configures refresh and serve.
type Refresh struct {
	Sources  []string `mapstructure:"sources"`
	Feeds    []string `mapstructure:"feeds"`
	Analyze  bool     `mapstructure:"analyze"`
	Report   string   `mapstructure:"report"`
	Schedule string   `mapstructure:"schedule"`
	Listen   string   `mapstructure:"listen"`
}

// Log configures logging.
type Log struct {
	Level string `mapstructure:"level"`
}

// Secret is a string that never prints itself.
type Secret string

// String hides the value.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "********"
}

// GoString hides the value from %#v.
func (s Secret) GoString() string { return `config.Secret("********")` }

// MarshalText hides the value from encoders.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Reveal returns the secret itself, for the one place that needs it.
func (s Secret) Reveal() string { return string(s) }

// Defaults are the values used when nothing else sets a key. They match
// config.yaml at the repository root.
var Defaults = map[string]any{
	"neo4j.uri":               "",
	"neo4j.username":          "neo4j",
	"neo4j.password":          "",
	"neo4j.database":          "neo4j",
	"neo4j.query_timeout":     60,
	"neo4j.batch_size":        1000,
	"managed.home":            "",
	"managed.version":         "5.26.30",
	"managed.bolt_port":       7687,
	"managed.heap":            "512m",
	"managed.pagecache":       "128m",
	"managed.start_timeout":   120,
	"managed.plugins":         []string{},
	"extract.kb_overlay":      "",
	"extract.max_bytes":       20000000,
	"analysis.half_life_days": 365.0,
	"analysis.windows":        "year",
	"analysis.seed":           1,
	"analysis.top":            10,
	"refresh.sources":         []string{},
	"refresh.feeds":           []string{},
	"refresh.analyze":         true,
	"refresh.report":          "",
	"refresh.schedule":        "",
	"refresh.listen":          "127.0.0.1:9464",
	"log.level":               "info",
}

// extraEnv are the conventional variables accepted besides EVENTGRAPH_*.
var extraEnv = map[string]string{
	"neo4j.uri":      "NEO4J_URI",
	"neo4j.username": "NEO4J_USERNAME",
	"neo4j.password": "NEO4J_PASSWORD",
	"neo4j.database": "NEO4J_DATABASE",
}

// EnvName is the EVENTGRAPH_* variable of a key.
func EnvName(key string) string {
	return "EVENTGRAPH_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Options say where to look.
type Options struct {
	// File is an explicit config file; it must exist.
	File string
	// Flags maps config keys to command-line flags that override them when
	// the user set them.
	Flags map[string]*pflag.Flag
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
	// SearchDirs are searched for config.yaml when File is empty.
	SearchDirs []string
}

// Load reads the configuration.
func Load(o Options) (*Config, error) {
	v := viper.New()
	for k, d := range Defaults {
		v.SetDefault(k, d)
	}
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	file := o.File
	if file == "" {
		if f := getenv("EVENTGRAPH_CONFIG"); f != "" {
			file = f
		}
	}
	if file == "" {
		for _, d := range o.SearchDirs {
			p := filepath.Join(d, "config.yaml")
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				file = p
				break
			}
		}
	} else if _, err := os.Stat(file); err != nil {
		return nil, fmt.Errorf("config file %s: %w", file, err)
	}
	if file != "" {
		v.SetConfigFile(file)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config file %s: %w", file, err)
		}
		if err := checkKnownKeys(v.AllKeys(), file); err != nil {
			return nil, err
		}
	}
	// Environment beats the file: EVENTGRAPH_* first, then the usual NEO4J_*.
	for k := range Defaults {
		if val := getenv(EnvName(k)); val != "" {
			v.Set(k, val)
		} else if name, ok := extraEnv[k]; ok {
			if val := getenv(name); val != "" {
				v.Set(k, val)
			}
		}
	}
	// Flags beat everything, when the user set them.
	for k, f := range o.Flags {
		if f != nil && f.Changed {
			v.Set(k, f.Value.String())
		}
	}
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c.File = file
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

func checkKnownKeys(keys []string, file string) error {
	var bad []string
	for _, k := range keys {
		if _, ok := Defaults[k]; !ok {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("config file %s: unknown key(s) %s", file, strings.Join(bad, ", "))
	}
	return nil
}

var sizeRe = regexp.MustCompile(`^[0-9]+[kmgKMG]?$`)

// Validate checks every value and names the key, the value and what is
// allowed. Secrets are never echoed.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key string, val any, allowed string) {
		errs = append(errs, fmt.Errorf("config %s=%v: %s", key, val, allowed))
	}
	if c.Neo4j.URI != "" {
		u, err := url.Parse(c.Neo4j.URI)
		switch {
		case err != nil:
			bad("neo4j.uri", c.Neo4j.URI, "not a URI")
		case !map[string]bool{"bolt": true, "bolt+s": true, "bolt+ssc": true, "neo4j": true, "neo4j+s": true, "neo4j+ssc": true}[u.Scheme]:
			bad("neo4j.uri", c.Neo4j.URI, "allowed schemes are bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc")
		case u.User != nil:
			bad("neo4j.uri", "(hidden)", "must not embed credentials; use neo4j.username and neo4j.password")
		}
	}
	if c.Neo4j.Username == "" {
		bad("neo4j.username", `""`, "must not be empty")
	}
	if c.Neo4j.Database == "" {
		bad("neo4j.database", `""`, "must not be empty")
	}
	if c.Neo4j.QueryTimeout < 1 || c.Neo4j.QueryTimeout > 86400 {
		bad("neo4j.query_timeout", c.Neo4j.QueryTimeout, "seconds from 1 to 86400")
	}
	if c.Neo4j.BatchSize < 1 || c.Neo4j.BatchSize > 100000 {
		bad("neo4j.batch_size", c.Neo4j.BatchSize, "rows from 1 to 100000")
	}
	if !regexp.MustCompile(`^5\.[0-9]+\.[0-9]+$`).MatchString(c.Managed.Version) {
		bad("managed.version", c.Managed.Version, "a Neo4j 5 version such as 5.26.30 (later majors need Java 21)")
	}
	if c.Managed.BoltPort < 1 || c.Managed.BoltPort > 65535 {
		bad("managed.bolt_port", c.Managed.BoltPort, "a port from 1 to 65535")
	}
	if !sizeRe.MatchString(c.Managed.Heap) {
		bad("managed.heap", c.Managed.Heap, "a JVM size such as 512m or 2g")
	}
	if !sizeRe.MatchString(c.Managed.Pagecache) {
		bad("managed.pagecache", c.Managed.Pagecache, "a size such as 128m or 1g")
	}
	if c.Managed.StartTimeout < 1 || c.Managed.StartTimeout > 3600 {
		bad("managed.start_timeout", c.Managed.StartTimeout, "seconds from 1 to 3600")
	}
	for _, p := range c.Managed.Plugins {
		if p != "gds" && !strings.HasPrefix(p, "gds:") && strings.Count(p, ":") != 2 {
			bad("managed.plugins", p, "gds, gds:VERSION or Maven coordinates group:artifact:version")
		}
	}
	if c.Extract.MaxBytes < 1 {
		bad("extract.max_bytes", c.Extract.MaxBytes, "a positive number of bytes")
	}
	if c.Analysis.HalfLifeDays <= 0 {
		bad("analysis.half_life_days", c.Analysis.HalfLifeDays, "a positive number of days")
	}
	if w := c.Analysis.Windows; w != "year" && w != "none" && !regexp.MustCompile(`^rolling:[1-9][0-9]{0,3}$`).MatchString(w) {
		bad("analysis.windows", w, "year, none, or rolling:N (N months)")
	}
	if c.Analysis.Top < 1 || c.Analysis.Top > 10000 {
		bad("analysis.top", c.Analysis.Top, "from 1 to 10000")
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level", c.Log.Level, "one of debug, info, warn, error")
	}
	return errors.Join(errs...)
}

// UsesManaged reports whether the managed local Neo4j is in use.
func (c *Config) UsesManaged() bool { return c.Neo4j.URI == "" }
