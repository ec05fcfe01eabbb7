// Command testserver starts or stops the disposable Neo4j that
// scripts/test.sh shares between test packages.
//
//	testserver start DIR   # prints export lines for the test environment
//	testserver stop DIR
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: testserver start|stop DIR")
		os.Exit(64)
	}
	dir := os.Args[2]
	srv, err := neo4jtest.NewServer(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testserver:", err)
		os.Exit(1)
	}
	ctx := context.Background()
	switch os.Args[1] {
	case "start":
		if _, err := srv.Start(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "testserver:", err)
			os.Exit(1)
		}
		pw, err := srv.Password()
		if err != nil {
			fmt.Fprintln(os.Stderr, "testserver:", err)
			os.Exit(1)
		}
		_ = os.WriteFile(dir+"/port", []byte(strconv.Itoa(srv.BoltPort)), 0o600)
		fmt.Printf("export EVENTGRAPH_TEST_NEO4J_URI=%s EVENTGRAPH_TEST_NEO4J_PASSWORD=%s EVENTGRAPH_TEST_NEO4J_DIR=%s\n", srv.URI(), pw, dir)
	case "stop":
		if b, err := os.ReadFile(dir + "/port"); err == nil {
			srv.BoltPort, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
		if err := srv.Stop(ctx, 90*time.Second); err != nil {
			fmt.Fprintln(os.Stderr, "testserver:", err)
			os.Exit(1)
		}
	default:
		fmt.Fprintln(os.Stderr, "usage: testserver start|stop DIR")
		os.Exit(64)
	}
}
