package paperboy.search;

/**
 * The embedders of a test JVM, one per model: a model takes seconds to load on a slow machine, so
 * every test that embeds shares them (they are thread-safe and never closed before the JVM exits).
 * Most tests embed with MiniLM ({@link #shared}), the faster model; bge-small ({@link #bge}) is
 * loaded only by the tests of that model and of switching models.
 */
public final class TestEmbedder {
    private TestEmbedder() {}

    private static final class Holder {
        static final Embedder INSTANCE = new Embedder(EmbeddingModel.MINILM);
    }

    private static final class BgeHolder {
        static final Embedder INSTANCE = new Embedder(EmbeddingModel.BGE_SMALL);
    }

    public static Embedder shared() {
        return Holder.INSTANCE;
    }

    public static Embedder bge() {
        return BgeHolder.INSTANCE;
    }

    /** The shared embedder of a model. */
    public static Embedder of(EmbeddingModel model) {
        return switch (model) {
            case MINILM -> shared();
            case BGE_SMALL -> bge();
        };
    }
}
