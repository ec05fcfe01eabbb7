#!/usr/bin/env bash
# Installs what eventgraph and its tests need when it is missing: Go 1.26+,
# Java 17 and Maven (to assemble and run Neo4j). Uses apt-get when run as
# root on Debian/Ubuntu; otherwise says what to install.
set -euo pipefail

need=()
command -v go >/dev/null 2>&1 || need+=(golang)
java_ok=0
for j in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/java-21-openjdk-amd64/bin/java; do
  [ -n "$j" ] && [ -x "$j" ] || continue
  if "$j" -version 2>&1 | grep -Eq 'version "(17|21)[."]'; then java_ok=1; break; fi
done
[ "$java_ok" = 1 ] || need+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ "${1:-}" = "--test" ]; then
  # The tests also render the report in a real browser and read exports with NetworkX.
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
  command -v python3 >/dev/null 2>&1 || need+=(python3 python3-pip)
fi

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  else
    echo "setup: missing ${need[*]}: install them, or point NEO4J_URI at an existing Neo4j 5 (Java and Maven are then not needed)" >&2
    exit 1
  fi
fi

if [ "${1:-}" = "--test" ] && ! python3 -c 'import networkx' >/dev/null 2>&1; then
  echo "setup: installing networkx (PyPI) for the export and parity tests" >&2
  python3 -m pip install -q networkx scipy >&2 || python3 -m pip install -q --break-system-packages networkx scipy >&2
fi
