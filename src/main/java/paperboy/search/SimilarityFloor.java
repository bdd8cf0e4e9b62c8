package paperboy.search;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import paperboy.config.SearchSettings;

/**
 * The least cosine similarity between a query's vector and a paper's for semantic search to count
 * the paper as a match. Nearest-neighbour search always returns the k nearest papers, however far
 * they are, so without a floor a nonsense query got a full list of unrelated papers and every
 * count said "100". Each model's default is the highest floor that cost no nDCG@10 on SciFact
 * (BENCHMARKS.md, "Similarity floor").
 *
 * @param cosine from -1 (no floor: every neighbour counts) to 1
 */
public record SimilarityFloor(double cosine) {
    /**
     * The floor calibrated for a model on SciFact train (BENCHMARKS.md), the configuration's
     * default for it: each model's cosines have their own range.
     */
    public static SimilarityFloor tunedFor(EmbeddingModel model) {
        return new SimilarityFloor(SearchSettings.tuning(model.id()).similarityFloor());
    }

    /** Every neighbour counts, as before the floor existed. */
    public static final SimilarityFloor NONE = new SimilarityFloor(-1);

    public SimilarityFloor {
        if (!(cosine >= -1 && cosine <= 1)) {
            throw new IllegalArgumentException("similarity floor must be from -1 to 1, not " + cosine);
        }
    }

    /** The documents of {@code nearest} (Lucene scores of a dot-product field) at or above the floor, in order. */
    List<ScoreDoc> keep(List<ScoreDoc> nearest) {
        // Lucene scores the dot product of unit vectors as (1 + cos) / 2, so that scores are never negative.
        float least = (float) ((1 + cosine) / 2);
        return nearest.stream().filter(doc -> doc.score >= least).toList();
    }
}
