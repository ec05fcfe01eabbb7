// Package graph holds eventgraph's domain model: the articles, actors,
// events and claims that extraction emits and the loaders write to Neo4j.
package graph
