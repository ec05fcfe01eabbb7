# The README's two commands: `make demo` (the main job) and `make test`.
.PHONY: demo test build clean-demo bench

build:
	@scripts/setup.sh
	go build -o bin/eventgraph ./cmd/eventgraph

demo: build
	@scripts/demo.sh

test:
	@scripts/test.sh

clean-demo:
	-bin/eventgraph neo4j stop
