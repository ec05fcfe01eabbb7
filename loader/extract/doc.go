// Package extract turns English and French news articles about diplomacy
// into the records of the extraction contract (docs/extraction-contract.md):
// actors with their mentions, dated events with participants, place,
// status and CAMEO code, and claims; Merge then fuses the events that
// several articles (or several sentences) report into one.
//
// Extraction is rule-based and deterministic: dictionaries built from the
// knowledge base (loader/kb), English and French trigger lexicons informed
// by the PETRARCH CAMEO verb dictionary, and syntax-light patterns. See
// README.md for the pipeline, the rules and the event key scheme.
package extract
