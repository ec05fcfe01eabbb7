// name: refresh-clear-events
// description: Drop the relationships of events about to be rewritten (participants, place, organization, REPORTS); merge-events and merge-reports then write them anew. Properties and first_seen stay.
// param: keys list -- event keys
UNWIND $keys AS k
MATCH (e:Event {key: k})
CALL (e) {
  MATCH (e)<-[r:PARTICIPATED_IN|REPORTS]-()
  DELETE r
}
CALL (e) {
  MATCH (e)-[r:HELD_IN|CONVENED_BY]->()
  DELETE r
}
