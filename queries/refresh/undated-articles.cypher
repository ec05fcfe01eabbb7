// name: refresh-undated-articles
// description: Articles with undated events (that may join a dated event of the same people) involving these people.
// param: pks list -- person keys
UNWIND $pks AS pk
MATCH (:Actor {key: pk})<-[:MENTIONS]-(a:Article)
WHERE pk IN a.undated_parts
RETURN DISTINCT a.key AS key
