package paperboy.search;

/** A document id with the score one ranking gave it (BM25, cosine, or a fused score). */
public record ScoredId(String id, double score) {
}
