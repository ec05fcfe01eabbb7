// name: refresh-article-owners
// description: Source identities that point at these articles, besides the given one (an article another source still delivers is kept).
// param: keys list -- article keys
// param: except string -- the source identity being replaced
UNWIND $keys AS k
MATCH (s:RefreshSource {article: k})
WHERE s.id <> $except AND s.status IN ['written', 'duplicate']
RETURN DISTINCT k AS key
