#!/usr/bin/env bash
# Runs every test: unit tests, fuzz seed corpora, and the integration tests
# against a real, disposable Neo4j (own data folder, free loopback port),
# stopped when the tests end, also when they fail.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test || exit 1

log=$(mktemp)
dir=$(mktemp -d -t eventgraph-test-neo4j-XXXXXX)
cleanup() {
  go run ./internal/neo4jtest/testserver stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir" "$log"
}
trap cleanup EXIT INT TERM

echo "== go vet"
go vet ./... || exit 1

echo "== starting a disposable Neo4j for the integration tests"
exports=$(go run ./internal/neo4jtest/testserver start "$dir") || { echo "test: Neo4j could not start; integration tests cannot run" >&2; exit 1; }
eval "$exports"

echo "== go test"
# -p 1: packages share the one database, so they take turns.
go test -p 1 -count=1 -timeout 30m -v ./... >"$log" 2>&1
status=$?
grep -E '^(ok|FAIL|---|panic:|neo4jtest:)|^\s+--- FAIL|_test\.go:[0-9]+:' "$log" | grep -v -- '--- PASS' | grep -v -- '--- SKIP' || true
passed=$(grep -cE '^\s*--- PASS' "$log")
failed=$(grep -cE '^\s*--- FAIL' "$log")
skipped=$(grep -cE '^\s*--- SKIP' "$log")
integration=$(awk '/^neo4jtest: [0-9]+ integration tests/ {n += $2} END {print n+0}' "$log")
echo
echo "integration tests against a real Neo4j: $integration"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ]; then
  echo "FAILED (go test exit $status); full log:" >&2
  tail -n 60 "$log" >&2
fi
exit "$status"
