// name: gds-hits-sums
// description: Sums of the written hub and authority scores (for gds-rescale).
// param: prefix string -- property-name prefix, e.g. gds_
MATCH (p:Person)
WHERE p[$prefix + 'hub'] IS NOT NULL
RETURN sum(p[$prefix + 'hub']) AS hub, sum(p[$prefix + 'authority']) AS authority
