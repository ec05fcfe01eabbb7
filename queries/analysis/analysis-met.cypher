// name: analysis-met
// description: Write relationship (dyad) metrics as MET between two people (stored once, from the smaller key to the larger).
// param: run string -- analysis run key
// param: rows list -- {a, b, count, first, last, events_per_year, mean_gap_days, longest_gap_days, strength, bilateral, multilateral, share_bilateral, jaccard, adamic_adar, per_year, claimed, claimed_qualifier, claimed_as_of, observed_at_claim, claim_gap}
UNWIND $rows AS row
MATCH (a:Person {key: row.a})
MATCH (b:Person {key: row.b})
MERGE (a)-[m:MET]->(b)
SET m += row, m.a = null, m.b = null, m.run = $run
