// name: office-holders
// description: Who held offices of a country or organization on a date (from the knowledge base, for people in the graph).
// param: of string -- country ISO3, organization acronym, name or key
// param: date date = 9999 -- the date; default: current holders
MATCH (x:Actor)
WHERE (x:Country OR x:Organization)
  AND (x.key = $of OR x.iso3 = toUpper($of) OR toLower(x.acronym) = toLower($of) OR toLower(x.name) = toLower($of))
MATCH (p:Person)-[h:HELD_OFFICE]->(x)
WHERE (h.from = '' OR h.from <= $date OR $date STARTS WITH h.from)
  AND (h.to = '' OR h.to IS NULL OR h.to >= $date OR h.to STARTS WITH $date)
RETURN p.name AS person, h.role AS role, h.title AS title, h.from AS from, h.to AS to
ORDER BY role, from
