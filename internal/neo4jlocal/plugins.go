package neo4jlocal

// Optional server-side plugins, assembled from Maven Central like the
// server itself. The only named plugin is "gds": Neo4j Graph Data Science,
// open edition (OpenGDS, GPLv3), whose modules Neo4j publishes on Maven
// Central as org.neo4j.gds:* but not as one plugin jar. We assemble the
// plugin the way GDS's own open-packaging does (proc + proc-sysinfo +
// open-write-services, plus opengds-extension, which registers the
// component every GDS procedure injects): the runtime closure of those
// modules, minus every artifact Neo4j's lib/ already has (Neo4j's version
// is kept: plugins come first on the class path and would otherwise shadow
// Neo4j's jackson, slf4j, eclipse-collections…). See docs/gds.md.
//
// Jars are resolved once into <DistDir>/plugins/<key>/ and copied into the
// instance's plugins/ folder (Neo4j registers procedures only from jars in
// that folder). A manifest, plugins/.eventgraph-plugins, lists the jars we
// put there, so that dropping the plugin from the configuration removes
// exactly those jars and leaves the user's own plugins alone.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// GDSVersions maps a Neo4j minor version to the OpenGDS release built for
// it (GDS's compatibility matrix: 2.13.x is the line for Neo4j 5.26).
var GDSVersions = map[string]string{"5.26": "2.13.9"}

// gdsModules are the OpenGDS artifacts whose runtime closure is the plugin.
var gdsModules = []string{"proc", "proc-sysinfo", "open-write-services", "opengds-extension"}

// gdsConfig is what GDS needs in neo4j.conf: its procedures use internal
// APIs and are refused unless unrestricted.
var gdsConfig = []string{"dbms.security.procedures.unrestricted=gds.*"}

type plugin struct {
	name   string
	coords []string // group:artifact:version
	config []string // key=value lines for neo4j.conf
}

var coordRe = regexp.MustCompile(`^[A-Za-z0-9_.\-]+:[A-Za-z0-9_.\-]+:[A-Za-z0-9_.+\-]+$`)

// resolvePlugins turns Server.Plugins into Maven coordinates and config.
// An entry is "gds" (the OpenGDS release for the server's Neo4j version),
// "gds:VERSION", or the Maven coordinates "group:artifact:version" of any
// other plugin artifact (its runtime closure is installed).
func (s *Server) resolvePlugins() ([]plugin, error) {
	var out []plugin
	for _, p := range s.Plugins {
		p = strings.TrimSpace(p)
		name, ver, _ := strings.Cut(p, ":")
		switch {
		case p == "":
			continue
		case strings.EqualFold(name, "gds") && !strings.Contains(ver, ":"):
			if ver == "" {
				minor := s.Version
				if parts := strings.Split(s.Version, "."); len(parts) >= 2 {
					minor = parts[0] + "." + parts[1]
				}
				v, ok := GDSVersions[minor]
				if !ok {
					return nil, fmt.Errorf("plugin gds: no Graph Data Science release is known for Neo4j %s; name one as gds:VERSION", s.Version)
				}
				ver = v
			}
			if !coordRe.MatchString("org.neo4j.gds:proc:" + ver) {
				return nil, fmt.Errorf("plugin %q: bad version", p)
			}
			pl := plugin{name: "gds", config: gdsConfig}
			for _, m := range gdsModules {
				pl.coords = append(pl.coords, "org.neo4j.gds:"+m+":"+ver)
			}
			out = append(out, pl)
		case coordRe.MatchString(p):
			out = append(out, plugin{name: p, coords: []string{p}})
		default:
			return nil, fmt.Errorf("plugin %q: want gds, gds:VERSION or Maven coordinates group:artifact:version", p)
		}
	}
	return out, nil
}

// listKeys are settings whose values are comma-separated lists: several
// plugins (and ExtraConfig) add to them instead of replacing them.
var listKeys = map[string]bool{
	"dbms.security.procedures.unrestricted": true,
	"dbms.security.procedures.allowlist":    true,
}

// extraSettings merges the plugins' settings and ExtraConfig, in order;
// list settings are joined, others: the last one wins.
func (s *Server) extraSettings() ([][2]string, error) {
	pls, err := s.resolvePlugins()
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, p := range pls {
		lines = append(lines, p.config...)
	}
	lines = append(lines, s.ExtraConfig...)
	base := map[string]bool{}
	for _, l := range strings.Split(s.baseConfig(), "\n") {
		if k, _, ok := strings.Cut(l, "="); ok && !strings.HasPrefix(l, "#") {
			base[strings.TrimSpace(k)] = true
		}
	}
	var out [][2]string
	at := map[string]int{}
	for _, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("extra Neo4j setting %q spans lines", l)
		}
		k, v, ok := strings.Cut(l, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			return nil, fmt.Errorf("extra Neo4j setting %q: want key=value", l)
		}
		if base[k] {
			return nil, fmt.Errorf("extra Neo4j setting %s: eventgraph sets it itself", k)
		}
		if i, seen := at[k]; seen {
			if listKeys[k] {
				out[i][1] = joinList(out[i][1], v)
			} else {
				out[i][1] = v
			}
			continue
		}
		at[k] = len(out)
		out = append(out, [2]string{k, v})
	}
	return out, nil
}

func joinList(a, b string) string {
	seen := map[string]bool{}
	var out []string
	for _, x := range strings.Split(a+","+b, ",") {
		if x = strings.TrimSpace(x); x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return strings.Join(out, ",")
}

// pluginConfig is appended to neo4j.conf; empty without plugins and
// ExtraConfig (Start has validated both before the config is written).
func (s *Server) pluginConfig() string {
	kv, err := s.extraSettings()
	if err != nil || len(kv) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("# plugins and extra settings\n")
	for _, p := range kv {
		b.WriteString(p[0] + "=" + p[1] + "\n")
	}
	return b.String()
}

const pluginManifest = ".eventgraph-plugins"

func (s *Server) pluginDir() string { return filepath.Join(s.Dir, "plugins") }

// syncPlugins makes the instance's plugins/ folder hold exactly the jars of
// s.Plugins that eventgraph manages (the user's own jars are untouched). It
// does nothing when no plugin is configured and none was installed.
func (s *Server) syncPlugins(ctx context.Context) error {
	if _, err := s.extraSettings(); err != nil {
		return err
	}
	pls, err := s.resolvePlugins()
	if err != nil {
		return err
	}
	oldKey, oldJars := readManifest(filepath.Join(s.pluginDir(), pluginManifest))
	if len(pls) == 0 {
		if oldKey == "" {
			return nil
		}
		s.logf("removing managed Neo4j plugins from %s", s.pluginDir())
		return s.removeManaged(oldJars)
	}
	var coords []string
	for _, p := range pls {
		coords = append(coords, p.coords...)
	}
	sort.Strings(coords)
	coords = dedup(coords)
	sum := sha256.Sum256([]byte(s.Version + "\n" + strings.Join(coords, "\n")))
	key := hex.EncodeToString(sum[:8])
	cache := filepath.Join(s.DistDir, "plugins", key)
	if _, err := os.Stat(filepath.Join(cache, ".complete")); err != nil {
		if err := s.assemblePlugins(ctx, coords, cache); err != nil {
			return err
		}
	}
	jars, err := filepath.Glob(filepath.Join(cache, "*.jar"))
	if err != nil {
		return err
	}
	if oldKey == key && allExist(s.pluginDir(), oldJars) {
		return nil
	}
	if err := s.removeManaged(oldJars); err != nil {
		return err
	}
	var names []string
	for _, j := range jars {
		dst := filepath.Join(s.pluginDir(), filepath.Base(j))
		if err := linkOrCopy(j, dst); err != nil {
			return fmt.Errorf("install plugin jar: %w", err)
		}
		names = append(names, filepath.Base(j))
	}
	body := key + "\n" + strings.Join(names, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(s.pluginDir(), pluginManifest), []byte(body), 0o600); err != nil {
		return err
	}
	s.logf("installed Neo4j plugins %s (%d jars) into %s", strings.Join(s.Plugins, ", "), len(names), s.pluginDir())
	return nil
}

func dedup(xs []string) []string {
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func readManifest(path string) (key string, jars []string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", nil
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	key = strings.TrimSpace(lines[0])
	for _, l := range lines[1:] {
		l = strings.TrimSpace(l)
		// only plain file names: a manifest never makes us delete elsewhere
		if l != "" && l == filepath.Base(l) && strings.HasSuffix(l, ".jar") {
			jars = append(jars, l)
		}
	}
	return key, jars
}

func allExist(dir string, names []string) bool {
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			return false
		}
	}
	return len(names) > 0
}

func (s *Server) removeManaged(jars []string) error {
	for _, j := range jars {
		if err := os.Remove(filepath.Join(s.pluginDir(), j)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	if err := os.Remove(filepath.Join(s.pluginDir(), pluginManifest)); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

func linkOrCopy(src, dst string) error {
	_ = os.Remove(dst)
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

const pluginPOM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>eventgraph.local</groupId>
  <artifactId>neo4j-plugins</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
%s  </dependencies>
</project>
`

// artifact is one resolved Maven artifact.
type artifact struct {
	ga   string // group:artifact
	file string // name to give the jar in plugins/
	path string // in the local Maven repository
}

// mavenList resolves the runtime closure of coords with
// dependency:list and returns the artifacts with their files.
func (s *Server) mavenList(ctx context.Context, mvn, dir string, coords []string) ([]artifact, error) {
	var deps strings.Builder
	for _, c := range coords {
		p := strings.Split(c, ":")
		fmt.Fprintf(&deps, "    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>\n", p[0], p[1], p[2])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	pom := filepath.Join(dir, "pom.xml")
	if err := os.WriteFile(pom, []byte(fmt.Sprintf(pluginPOM, deps.String())), 0o644); err != nil {
		return nil, err
	}
	list := filepath.Join(dir, "list.txt")
	cmd := exec.CommandContext(ctx, mvn, "-q", "-B", "-f", pom, "dependency:list", "-DincludeScope=runtime",
		"-DoutputAbsoluteArtifactFilename=true", "-DoutputFile="+list)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("mvn dependency:list %s failed: %v\n%s", strings.Join(coords, " "), err, tail(out.String(), 20))
	}
	f, err := os.Open(list)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseMavenList(f)
}

// parseMavenList reads "group:artifact:type[:classifier]:version:scope:/path"
// lines; other lines (headers, "none") are skipped.
func parseMavenList(r io.Reader) ([]artifact, error) {
	var out []artifact
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		i := strings.Index(l, ":/")
		if i < 0 {
			continue
		}
		f := strings.Split(l[:i], ":")
		path := l[i+1:]
		if len(f) < 5 || !strings.HasSuffix(path, ".jar") {
			continue
		}
		if cut := strings.Index(path, " "); cut > 0 { // newer plugins append " -- module …"
			path = path[:cut]
		}
		g, a, v := f[0], f[1], f[len(f)-2]
		name := g + "." + a + "-" + v
		if len(f) == 6 {
			name += "-" + f[3]
		}
		out = append(out, artifact{ga: g + ":" + a, file: name + ".jar", path: path})
	}
	return out, sc.Err()
}

// libArtifacts returns group:artifact of every jar in Neo4j's lib/ (cached
// in <DistDir>/lib-artifacts.txt).
func (s *Server) libArtifacts(ctx context.Context, mvn, tmp string) (map[string]bool, error) {
	cached := filepath.Join(s.DistDir, "lib-artifacts.txt")
	set := map[string]bool{}
	if b, err := os.ReadFile(cached); err == nil {
		for _, l := range strings.Fields(string(b)) {
			set[l] = true
		}
		if len(set) > 0 {
			return set, nil
		}
	}
	arts, err := s.mavenList(ctx, mvn, filepath.Join(tmp, "neo4j"), []string{"org.neo4j:neo4j:" + s.Version})
	if err != nil {
		return nil, err
	}
	var gas []string
	for _, a := range arts {
		set[a.ga] = true
		gas = append(gas, a.ga)
	}
	if len(set) < 50 {
		return nil, fmt.Errorf("Neo4j %s resolved to only %d artifacts", s.Version, len(set))
	}
	sort.Strings(gas)
	_ = os.WriteFile(cached, []byte(strings.Join(gas, "\n")+"\n"), 0o644)
	return set, nil
}

// assemblePlugins resolves coords with Maven and copies the jars that
// Neo4j's lib/ lacks into cache.
func (s *Server) assemblePlugins(ctx context.Context, coords []string, cache string) error {
	if _, err := Java(); err != nil {
		return err
	}
	mvn, err := Maven()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(cache), 0o755); err != nil {
		return fmt.Errorf("install plugins: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(cache), ".plugins-")
	if err != nil {
		return fmt.Errorf("install plugins: %w", err)
	}
	defer os.RemoveAll(tmp)
	s.logf("assembling Neo4j plugins %s from Maven Central", strings.Join(coords, ", "))
	lib, err := s.libArtifacts(ctx, mvn, tmp)
	if err != nil {
		return fmt.Errorf("install plugins: %w", err)
	}
	arts, err := s.mavenList(ctx, mvn, filepath.Join(tmp, "plugins"), coords)
	if err != nil {
		return fmt.Errorf("install plugins: %w", err)
	}
	jarDir := filepath.Join(tmp, "jars")
	if err := os.MkdirAll(jarDir, 0o755); err != nil {
		return err
	}
	var n, skipped int
	for _, a := range arts {
		if lib[a.ga] {
			skipped++ // Neo4j's own version is on the class path already
			continue
		}
		if err := linkOrCopy(a.path, filepath.Join(jarDir, a.file)); err != nil {
			return fmt.Errorf("install plugins: %w", err)
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("install plugins: Maven resolved no jar for %s", strings.Join(coords, ", "))
	}
	if err := os.WriteFile(filepath.Join(jarDir, ".complete"), []byte(strings.Join(coords, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	_ = os.RemoveAll(cache)
	if err := os.Rename(jarDir, cache); err != nil {
		return fmt.Errorf("install plugins: %w", err)
	}
	s.logf("assembled %d plugin jars (%d left to Neo4j's lib)", n, skipped)
	return nil
}
