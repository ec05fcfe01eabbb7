// name: gds-clear
// description: Remove earlier GDS-written properties from people (so people no longer in the graph keep none); needs an auto-commit transaction.
// param: props map -- {property name: null} for every property the GDS engine writes
MATCH (p:Person)
WHERE any(k IN keys($props) WHERE p[k] IS NOT NULL)
CALL (p) {
  SET p += $props
} IN TRANSACTIONS OF 10000 ROWS
