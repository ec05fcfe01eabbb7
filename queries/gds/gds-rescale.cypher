// name: gds-rescale
// description: Rescale GDS's written values to NetworkX's conventions (betweenness normalized, harmonic as a sum, hub and authority summing to 1); needs an auto-commit transaction.
// param: prefix string -- property-name prefix, e.g. gds_
// param: betweenness float -- factor: 2/((n-1)(n-2)), 1 when n <= 2
// param: harmonic float -- factor: n-1
// param: hub float -- factor: 1/sum of hub scores (0 when the sum is 0)
// param: authority float -- factor: 1/sum of authority scores (0 when the sum is 0)
MATCH (p:Person)
WHERE p[$prefix + 'betweenness'] IS NOT NULL
CALL (p) {
  SET p[$prefix + 'betweenness'] = p[$prefix + 'betweenness'] * $betweenness,
      p[$prefix + 'harmonic'] = p[$prefix + 'harmonic'] * $harmonic,
      p[$prefix + 'hub'] = p[$prefix + 'hub'] * $hub,
      p[$prefix + 'authority'] = p[$prefix + 'authority'] * $authority
} IN TRANSACTIONS OF 10000 ROWS
