#!/usr/bin/env bash
# The main job on the example corpus: start the managed Neo4j, load the
# articles in examples/, and print what is in the graph.
set -euo pipefail
cd "$(dirname "$0")/.."
eg=bin/eventgraph
$eg neo4j start
$eg load --manifest examples/manifest.yaml examples
$eg summary
echo
echo "The graph stays available: eval \"\$($eg neo4j env)\" for its address and credentials; '$eg neo4j stop' ends it."
