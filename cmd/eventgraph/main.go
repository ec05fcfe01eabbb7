// Command eventgraph turns news about diplomacy into an event graph in Neo4j.
package main

import (
	"os"

	"github.com/eventgraph/eventgraph/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
