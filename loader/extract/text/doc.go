// Package text turns the bytes of a news article (plain text or HTML) into
// visible text with a map back to byte offsets of the input, classifies its
// lines (title, body, heading, boilerplate, related-article teasers), splits
// sentences and detects the language (English or French).
package text
