package paperboy.search;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * What semantic search needs: the model that turns text into vectors and the store's vectors of
 * that model, how the index keeps vectors, how hybrid search fuses its two rankings and how similar
 * a paper must be to count as a match. When
 * embeddings are off it is {@link #off()}: {@link #isOn()} says which, and asking an off one for
 * its model or vectors is a programming error, never a null.
 *
 * <p>{@code others} are the other models the jar carries: after the configured model changed, the
 * one whose vectors the index holds keeps answering searches ({@link #answeringWith}) until the
 * new model's are complete, with its own tuned fusion and floor unless others were configured. An
 * {@link Embedder} loads its model on first use, so the others cost nothing unless one of them answers.
 */
public record Semantic(Embedder embedder, PaperVectors vectors, VectorFormat format, Fusion fusion, SimilarityFloor floor,
        List<Embedder> others) {
    private static final Semantic OFF = new Semantic(null, (PaperVectors) null, null, Fusion.ReciprocalRank.DEFAULT,
            SimilarityFloor.NONE, List.of());

    public Semantic {
        boolean none = embedder == null && vectors == null && format == null;
        if ((!none && (embedder == null || vectors == null || format == null)) || fusion == null || floor == null) {
            throw new IllegalArgumentException("semantic search needs a model, its vectors, a vector format, a fusion and a floor");
        }
        others = List.copyOf(others);
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
     * floats there) and the model's tuned fusion and similarity floor.
     */
    public Semantic(Embedder embedder, Jdbi jdbi) {
        this(embedder, jdbi, VectorFormat.INT8, Fusion.tunedFor(embedder.kind()));
    }

    /** With the model's tuned similarity floor. */
    public Semantic(Embedder embedder, Jdbi jdbi, VectorFormat format, Fusion fusion) {
        this(embedder, new PaperVectors(jdbi, embedder.modelKey()), format, fusion, SimilarityFloor.tunedFor(embedder.kind()), List.of());
    }

    /** The same setup with another similarity floor. */
    public Semantic withFloor(SimilarityFloor newFloor) {
        if (!isOn()) {
            return this;
        }
        return new Semantic(embedder, vectors, format, fusion, newFloor, others);
    }

    /** The same setup, with the other models that may answer while this one's vectors are made. */
    public Semantic withOthers(List<Embedder> otherModels) {
        if (!isOn()) {
            return this;
        }
        return new Semantic(embedder, vectors, format, fusion, floor, otherModels);
    }

    /** The key of the configured model's vectors (model and window), as stored. */
    public String model() {
        return vectors().model();
    }

    /** The index field of the configured model's vectors. */
    String field() {
        return PaperDocuments.vectorField(model());
    }

    /**
     * The setup that answers with the vectors of {@code modelKey}: this one when that is the
     * configured model, or unknown (null, or a model no longer carried), else one of the others.
     */
    public Semantic answeringWith(String modelKey) {
        if (!isOn() || modelKey == null || modelKey.equals(model())) {
            return this;
        }
        return others.stream().filter(e -> e.modelKey().equals(modelKey)).findFirst()
                .map(e -> new Semantic(e, vectors.ofModel(modelKey), format, fusionFor(e.kind()), floorFor(e.kind()), List.of()))
                .orElse(this);
    }

    /**
     * The fusion another model answers with: its own tuned one if this setup has the configured
     * model's (nobody chose another), else the one chosen. Likewise {@link #floorFor}: a floor
     * tuned for bge-small's cosines would leave MiniLM almost nothing during a switch.
     */
    private Fusion fusionFor(EmbeddingModel other) {
        return fusion.equals(Fusion.tunedFor(embedder.kind())) ? Fusion.tunedFor(other) : fusion;
    }

    private SimilarityFloor floorFor(EmbeddingModel other) {
        return floor.equals(SimilarityFloor.tunedFor(embedder.kind())) ? SimilarityFloor.tunedFor(other) : floor;
    }
}
