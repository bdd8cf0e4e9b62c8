package paperboy.search;

/**
 * What semantic search needs: the model that turns text into vectors and the store's vectors of
 * that model, how the index keeps vectors and how hybrid search fuses its two rankings. Absent
 * (null where it is passed) when embeddings are off.
 */
public record Semantic(Embedder embedder, PaperVectors vectors, VectorFormat format, Fusion fusion) {

    /** How the index keeps vectors for its nearest-neighbour graph. */
    public enum VectorFormat {
        /** 32-bit floats, exact scores. */
        FLOAT32,
        /** Scalar-quantised to bytes (Lucene 10.4's format): a quarter of the memory, scores approximate. */
        INT8
    }

    public Semantic(Embedder embedder, org.jdbi.v3.core.Jdbi jdbi) {
        this(embedder, new PaperVectors(jdbi, embedder.modelKey()), VectorFormat.FLOAT32, Fusion.ReciprocalRank.DEFAULT);
    }

    public String model() {
        return vectors.model();
    }
}
