#!/usr/bin/env bash
# The main job on the example corpus: start the managed Neo4j, load the
# articles in examples/, analyze the network, print what it means and write
# the HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
eg=bin/eventgraph
$eg neo4j start
$eg load --manifest examples/manifest.yaml examples
echo
$eg summary --limit 12
echo
$eg analyze --write
echo
$eg report -o out/report.html --focus "Xi Jinping" --focus "Vladimir Putin"
echo "Open it in a browser; it works offline. The graph stays available:"
echo "  eval \"\$($eg neo4j env)\"   # address and credentials for other tools"
echo "  $eg query list             # the named queries; '$eg neo4j stop' ends the server"
