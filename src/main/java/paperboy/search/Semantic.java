package paperboy.search;

import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * What semantic search needs: the model that turns text into vectors and the store's vectors of
 * that model, how the index keeps vectors, how hybrid search fuses its two rankings and how similar
 * a paper must be to count as a match. When
 * embeddings are off it is {@link #off()}: {@link #isOn()} says which, and asking an off one for
 * its model or vectors is a programming error, never a null.
 */
public record Semantic(Embedder embedder, PaperVectors vectors, VectorFormat format, Fusion fusion, SimilarityFloor floor) {
    private static final Semantic OFF = new Semantic(null, (PaperVectors) null, null, Fusion.ReciprocalRank.DEFAULT,
            SimilarityFloor.NONE);

    public Semantic {
        boolean none = embedder == null && vectors == null && format == null;
        if ((!none && (embedder == null || vectors == null || format == null)) || fusion == null || floor == null) {
            throw new IllegalArgumentException("semantic search needs a model, its vectors, a vector format, a fusion and a floor");
        }
    }

    /** Embeddings off: keyword search only, no model, no vectors (the fusion is never used). */
    public static Semantic off() {
        return OFF;
    }

    public boolean isOn() {
        return embedder != null;
    }

    @Override
    public Embedder embedder() {
        return on(embedder);
    }

    @Override
    public PaperVectors vectors() {
        return on(vectors);
    }

    @Override
    public VectorFormat format() {
        return on(format);
    }

    private <T> T on(T part) {
        if (!isOn()) {
            throw new IllegalStateException("semantic search is off");
        }
        return part;
    }

    /** How the index keeps vectors for its nearest-neighbour graph. */
    public enum VectorFormat {
        /** 32-bit floats, exact scores. */
        FLOAT32,
        /** Scalar-quantised to bytes (Lucene 10.4's format): a quarter of the memory, scores approximate. */
        INT8;

        /** Reads {@code float32} or {@code int8}. */
        public static VectorFormat parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "float32" -> FLOAT32;
                case "int8" -> INT8;
                default -> throw new IllegalArgumentException("vector format must be float32 or int8, not \"" + text + "\"");
            };
        }
    }

    /**
     * The default setup, measured best on SciFact (BENCHMARKS.md): quantised vectors (as good as
     * floats there) and an even weighted fusion of min-max-normalised keyword and semantic scores.
     */
    public Semantic(Embedder embedder, Jdbi jdbi) {
        this(embedder, jdbi, VectorFormat.INT8, Fusion.WeightedScore.hybrid(0.5, Fusion.Normalisation.MIN_MAX));
    }

    public Semantic(Embedder embedder, Jdbi jdbi, VectorFormat format, Fusion fusion) {
        this(embedder, new PaperVectors(jdbi, embedder.modelKey()), format, fusion, SimilarityFloor.DEFAULT);
    }

    /** The same setup with another similarity floor. */
    public Semantic withFloor(SimilarityFloor newFloor) {
        if (!isOn()) {
            return this;
        }
        return new Semantic(embedder, vectors, format, fusion, newFloor);
    }

    public String model() {
        return vectors().model();
    }
}
