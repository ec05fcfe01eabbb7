// Package neo4jlocal manages a local Neo4j Community server assembled from
// Maven Central: install, start, stop and status, with authentication on
// and Bolt on loopback only.
package neo4jlocal

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ErrMissingTool is returned when Java or Maven cannot be found.
var ErrMissingTool = errors.New("missing tool")

// ErrNotRunning is returned by Stop and Credentials when no server runs.
var ErrNotRunning = errors.New("managed Neo4j is not running")

// Server is one managed Neo4j instance. Its distribution (the jars) lives
// in DistDir and can be shared by several instances; everything an
// instance writes (config, data, logs, password) lives in Dir.
type Server struct {
	Version      string        // Neo4j version, e.g. 5.26.30
	DistDir      string        // where lib/ with the jars is assembled
	Dir          string        // the instance folder
	BoltPort     int           // loopback port
	Heap         string        // JVM heap, e.g. 512m
	Pagecache    string        // page cache size, e.g. 128m
	StartTimeout time.Duration // how long to wait for Bolt
	// Plugins are installed into plugins/ at Start: "gds" (Graph Data
	// Science, open edition) or Maven coordinates; see plugins.go. Empty:
	// nothing is installed, and jars installed by an earlier Start are removed.
	Plugins []string
	// ExtraConfig are key=value lines appended to neo4j.conf.
	ExtraConfig []string
	// Progress receives human-readable progress lines; nil discards them.
	Progress io.Writer
}

// Status describes an instance.
type Status struct {
	Running bool   `json:"running"`
	URI     string `json:"uri"`
	Version string `json:"version"`
	PID     int    `json:"pid,omitempty"`
	DataDir string `json:"data_dir"`
	Dir     string `json:"dir"`
}

// Username is the managed server's user.
const Username = "neo4j"

func (s *Server) logf(format string, a ...any) {
	if s.Progress != nil {
		fmt.Fprintf(s.Progress, format+"\n", a...)
	}
}

// URI is the Bolt URI of the instance.
func (s *Server) URI() string { return fmt.Sprintf("bolt://127.0.0.1:%d", s.BoltPort) }

func (s *Server) libDir() string       { return filepath.Join(s.DistDir, "lib") }
func (s *Server) confDir() string      { return filepath.Join(s.Dir, "conf") }
func (s *Server) dataDir() string      { return filepath.Join(s.Dir, "data") }
func (s *Server) pidFile() string      { return filepath.Join(s.Dir, "run", "eventgraph-neo4j.pid") }
func (s *Server) passwordFile() string { return filepath.Join(s.Dir, "auth", "password") }

// ConsoleLog is the file that receives the server's console output.
func (s *Server) ConsoleLog() string { return filepath.Join(s.Dir, "logs", "console.log") }

// ImportDir is the server's import folder (for LOAD CSV).
func (s *Server) ImportDir() string { return filepath.Join(s.Dir, "import") }

// Installed reports whether the distribution is assembled.
func (s *Server) Installed() bool {
	_, err := os.Stat(filepath.Join(s.DistDir, ".complete"))
	return err == nil
}

// extraJavas are well-known install locations tried after PATH.
var extraJavas = []string{"/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "/usr/lib/jvm/java-21-openjdk-amd64/bin/java"}

// Java finds a Java 17 or 21 runtime: $JAVA_HOME/bin/java, then PATH.
func Java() (string, error) {
	cands := []string{}
	if h := os.Getenv("JAVA_HOME"); h != "" {
		cands = append(cands, filepath.Join(h, "bin", "java"))
	}
	if p, err := exec.LookPath("java"); err == nil {
		cands = append(cands, p)
	}
	cands = append(cands, extraJavas...)
	var seen []string
	for _, c := range cands {
		v, err := javaMajor(c)
		if err != nil {
			continue
		}
		if v == 17 || v == 21 {
			return c, nil
		}
		seen = append(seen, fmt.Sprintf("%s is Java %d", c, v))
	}
	msg := "no Java runtime found"
	if len(seen) > 0 {
		msg = "no Java 17 or 21 found (" + strings.Join(seen, "; ") + ")"
	}
	return "", fmt.Errorf("%w: %s; Neo4j 5.26 needs Java 17 or 21. Either install it (Debian: apt-get install openjdk-17-jre-headless) "+
		"or point NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD) at an existing Neo4j 5 server", ErrMissingTool, msg)
}

var javaVersionRe = regexp.MustCompile(`version "(\d+)(?:\.(\d+))?`)

func javaMajor(java string) (int, error) {
	out, err := exec.Command(java, "-version").CombinedOutput()
	if err != nil {
		return 0, err
	}
	m := javaVersionRe.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("cannot read version of %s", java)
	}
	major, _ := strconv.Atoi(string(m[1]))
	if major == 1 && len(m[2]) > 0 { // 1.8
		major, _ = strconv.Atoi(string(m[2]))
	}
	return major, nil
}

// Maven finds mvn on PATH.
func Maven() (string, error) {
	p, err := exec.LookPath("mvn")
	if err != nil {
		return "", fmt.Errorf("%w: Maven (mvn) not found on PATH; it assembles Neo4j from Maven Central. Either install it "+
			"(Debian: apt-get install maven) or point NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD) at an existing Neo4j 5 server", ErrMissingTool)
	}
	return p, nil
}

const assemblyPOM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>eventgraph.local</groupId>
  <artifactId>neo4j-assembly</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>%s</version>
    </dependency>
  </dependencies>
</project>
`

// Install assembles the Neo4j Community jars from Maven Central with Maven
// (the local Maven repository caches them, so a second install is quick).
// It is a no-op when the distribution is complete.
func (s *Server) Install(ctx context.Context) error {
	if s.Installed() {
		return nil
	}
	if _, err := Java(); err != nil {
		return err
	}
	mvn, err := Maven()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.DistDir, 0o755); err != nil {
		return fmt.Errorf("install Neo4j: %w", err)
	}
	tmp, err := os.MkdirTemp(s.DistDir, ".lib-")
	if err != nil {
		return fmt.Errorf("install Neo4j: %w", err)
	}
	defer os.RemoveAll(tmp)
	pom := filepath.Join(tmp, "pom.xml")
	if err := os.WriteFile(pom, []byte(fmt.Sprintf(assemblyPOM, s.Version)), 0o644); err != nil {
		return fmt.Errorf("install Neo4j: %w", err)
	}
	s.logf("assembling Neo4j %s from Maven Central into %s (first time: about 125 MB)", s.Version, s.DistDir)
	cmd := exec.CommandContext(ctx, mvn, "-q", "-B", "-f", pom,
		"dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory="+filepath.Join(tmp, "lib"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("install Neo4j %s: mvn failed: %v\n%s", s.Version, err, tail(out.String(), 20))
	}
	jars, _ := filepath.Glob(filepath.Join(tmp, "lib", "*.jar"))
	if len(jars) < 50 {
		return fmt.Errorf("install Neo4j %s: Maven produced only %d jars", s.Version, len(jars))
	}
	_ = os.RemoveAll(s.libDir())
	if err := os.Rename(filepath.Join(tmp, "lib"), s.libDir()); err != nil {
		return fmt.Errorf("install Neo4j: %w", err)
	}
	if err := os.WriteFile(filepath.Join(s.DistDir, ".complete"), []byte(s.Version+"\n"), 0o644); err != nil {
		return fmt.Errorf("install Neo4j: %w", err)
	}
	s.logf("installed Neo4j %s (%d jars)", s.Version, len(jars))
	return nil
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func (s *Server) config() string { return s.baseConfig() + s.pluginConfig() }

func (s *Server) baseConfig() string {
	d := s.Dir
	return fmt.Sprintf(`# Written by eventgraph neo4j start; changes are overwritten.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:%[1]d
server.bolt.advertised_address=127.0.0.1:%[1]d
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
server.directories.data=%[2]s/data
server.directories.logs=%[2]s/logs
server.directories.run=%[2]s/run
server.directories.plugins=%[2]s/plugins
server.directories.import=%[2]s/import
server.directories.transaction.logs.root=%[2]s/data/transactions
dbms.security.allow_csv_import_from_file_urls=true
server.memory.pagecache.size=%[3]s
dbms.usage_report.enabled=false
`, s.BoltPort, d, s.Pagecache)
}

// Password returns the generated password of the instance.
func (s *Server) Password() (string, error) {
	b, err := os.ReadFile(s.passwordFile())
	if err != nil {
		return "", fmt.Errorf("managed Neo4j password (%s): %w", s.passwordFile(), err)
	}
	return strings.TrimSpace(string(b)), nil
}

func (s *Server) ensurePassword(ctx context.Context, java string) error {
	if _, err := os.Stat(s.passwordFile()); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.passwordFile()), 0o700); err != nil {
		return err
	}
	buf := make([]byte, 18)
	if _, err := rand.Read(buf); err != nil {
		return err
	}
	pw := hex.EncodeToString(buf)
	cmd := exec.CommandContext(ctx, java, "-cp", filepath.Join(s.libDir(), "*"), "org.neo4j.cli.AdminTool",
		"dbms", "set-initial-password", pw)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+s.Dir, "NEO4J_CONF="+s.confDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("set initial password: %v: %s", err, tail(string(out), 10))
	}
	// Written only after Neo4j accepted it; readable by the owner only.
	return os.WriteFile(s.passwordFile(), []byte(pw+"\n"), 0o600)
}

// pid returns the pid of the running server, 0 when none runs.
func (s *Server) pid() int {
	b, err := os.ReadFile(s.pidFile())
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	if !s.isOurProcess(pid) {
		return 0
	}
	return pid
}

// isOurProcess checks that pid is alive and is a Neo4j of this instance,
// so a stale pid file never leads to signalling an unrelated process.
func (s *Server) isOurProcess(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil {
		return false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return true // no /proc: trust the signal check
	}
	c := string(cmdline)
	if strings.Contains(c, "CommunityEntryPoint") && strings.Contains(c, s.confDir()) {
		// a zombie has an empty cmdline; this one is alive
		st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		return err != nil || !bytes.Contains(st, []byte(") Z "))
	}
	return false
}

// Start installs when needed, writes the config, starts the server in the
// background and waits until Bolt answers. It is a no-op when the
// instance already runs.
func (s *Server) Start(ctx context.Context) (Status, error) {
	if pid := s.pid(); pid != 0 {
		if err := s.waitBolt(ctx, pid, 15*time.Second); err == nil {
			return s.Status(ctx), nil
		}
	}
	java, err := Java()
	if err != nil {
		return Status{}, err
	}
	if err := s.Install(ctx); err != nil {
		return Status{}, err
	}
	if err := portFree(s.BoltPort); err != nil {
		return Status{}, fmt.Errorf("start Neo4j: port 127.0.0.1:%d is in use by another program (set managed.bolt_port or EVENTGRAPH_MANAGED_BOLT_PORT): %w", s.BoltPort, err)
	}
	for _, d := range []string{"conf", "data", "logs", "run", "plugins", "import"} {
		if err := os.MkdirAll(filepath.Join(s.Dir, d), 0o700); err != nil {
			return Status{}, fmt.Errorf("start Neo4j: %w", err)
		}
	}
	if err := s.syncPlugins(ctx); err != nil {
		return Status{}, fmt.Errorf("start Neo4j: %w", err)
	}
	if err := os.WriteFile(filepath.Join(s.confDir(), "neo4j.conf"), []byte(s.config()), 0o600); err != nil {
		return Status{}, fmt.Errorf("start Neo4j: %w", err)
	}
	if err := s.ensurePassword(ctx, java); err != nil {
		return Status{}, fmt.Errorf("start Neo4j: %w", err)
	}
	logf, err := os.OpenFile(s.ConsoleLog(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return Status{}, fmt.Errorf("start Neo4j: %w", err)
	}
	defer logf.Close()
	args := []string{
		"-Xms" + s.Heap, "-Xmx" + s.Heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
		"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-Dio.netty.tryReflectionSetAccessible=true", "-Dfile.encoding=UTF-8", "-Djdk.tls.ephemeralDHKeySize=2048",
		"-cp", filepath.Join(s.Dir, "plugins", "*") + ":" + filepath.Join(s.libDir(), "*"),
		"org.neo4j.server.CommunityEntryPoint",
		"--home-dir=" + s.Dir, "--config-dir=" + s.confDir(), "--console-mode",
	}
	cmd := exec.Command(java, args...)
	cmd.Dir = s.Dir
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+s.Dir, "NEO4J_CONF="+s.confDir())
	// A session of its own: the server outlives this command and is not
	// hit by the terminal's Ctrl-C.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	s.logf("starting Neo4j %s on %s", s.Version, s.URI())
	if err := cmd.Start(); err != nil {
		return Status{}, fmt.Errorf("start Neo4j: %w", err)
	}
	pid := cmd.Process.Pid
	if err := os.WriteFile(s.pidFile(), []byte(strconv.Itoa(pid)+"\n"), 0o600); err != nil {
		_ = cmd.Process.Kill()
		return Status{}, fmt.Errorf("start Neo4j: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := s.waitBoltOrExit(ctx, exited); err != nil {
		_ = syscall.Kill(pid, syscall.SIGKILL)
		return Status{}, fmt.Errorf("start Neo4j: %w; last lines of %s:\n%s", err, s.ConsoleLog(), s.logTail(15))
	}
	s.logf("Neo4j is ready on %s", s.URI())
	return s.Status(ctx), nil
}

func (s *Server) logTail(n int) string {
	b, err := os.ReadFile(s.ConsoleLog())
	if err != nil {
		return ""
	}
	return tail(string(b), n)
}

func portFree(port int) error {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return err
	}
	return l.Close()
}

// FreePort asks the kernel for a free loopback port.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) waitBoltOrExit(ctx context.Context, exited <-chan error) error {
	deadline := time.Now().Add(s.StartTimeout)
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("the server exited during start-up (%v)", err)
		default:
		}
		if err := s.ping(ctx); err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("Bolt did not answer on %s within %s", s.URI(), s.StartTimeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-exited:
			return fmt.Errorf("the server exited during start-up (%v)", err)
		case <-time.After(300 * time.Millisecond):
		}
	}
}

func (s *Server) waitBolt(ctx context.Context, pid int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := s.ping(ctx)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || !s.isOurProcess(pid) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
	}
}

func (s *Server) ping(ctx context.Context) error {
	pw, err := s.Password()
	if err != nil {
		return err
	}
	d, err := neo4j.NewDriverWithContext(s.URI(), neo4j.BasicAuth(Username, pw, ""))
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	return d.VerifyConnectivity(cctx)
}

// Stop ends the server with SIGTERM and waits for it to exit (SIGKILL
// after timeout). Stopping a stopped server is not an error.
func (s *Server) Stop(ctx context.Context, timeout time.Duration) error {
	pid := s.pid()
	if pid == 0 {
		_ = os.Remove(s.pidFile())
		return nil
	}
	s.logf("stopping Neo4j (pid %d)", pid)
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("stop Neo4j pid %d: %w", pid, err)
	}
	deadline := time.Now().Add(timeout)
	for s.isOurProcess(pid) {
		if time.Now().After(deadline) {
			s.logf("Neo4j did not stop within %s; sending SIGKILL", timeout)
			_ = syscall.Kill(pid, syscall.SIGKILL)
			time.Sleep(500 * time.Millisecond)
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	_ = os.Remove(s.pidFile())
	return nil
}

// Status reports whether the instance runs and where.
func (s *Server) Status(ctx context.Context) Status {
	st := Status{URI: s.URI(), Version: s.Version, DataDir: s.dataDir(), Dir: s.Dir}
	if pid := s.pid(); pid != 0 {
		st.PID = pid
		st.Running = s.ping(ctx) == nil
	}
	return st
}

// ReadConsole returns the console log's lines that match substr (for
// diagnostics in tests).
func (s *Server) ReadConsole(substr string) []string {
	f, err := os.Open(s.ConsoleLog())
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.Contains(sc.Text(), substr) {
			out = append(out, sc.Text())
		}
	}
	return out
}
