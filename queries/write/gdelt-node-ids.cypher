// name: gdelt-node-ids
// description: Element ids of actor and place nodes by key. The GDELT bulk writer resolves every node its events refer to once per write, after writing the nodes, and then finds them by id instead of by one index lookup per reference.
// param: keys list -- node keys (countries, organizations, people, places)
UNWIND $keys AS key
MATCH (n:Actor {key: key})
RETURN key, elementId(n) AS id
