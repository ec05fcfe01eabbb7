// Package metrics computes network-analysis metrics of a graph — degree,
// centralities, clustering, cores, components, Louvain communities — and
// dyad (tie) metrics of dated co-participation events, with no database
// dependency.
//
// Every metric follows a named NetworkX function and its defaults; the
// parity tests (metrics_test.go) compare them with golden values that
// testdata/gen_golden.py computes with NetworkX. README.md lists each
// metric's definition, NetworkX function and implementation.
//
// Per-node results are slices indexed by node index (Graph.Index), nodes
// numbered in insertion order.
package metrics
