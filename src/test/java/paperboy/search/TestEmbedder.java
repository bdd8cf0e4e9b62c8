package paperboy.search;

/**
 * The one {@link Embedder} of a test JVM: the model takes seconds to load on a slow machine, so
 * every test that embeds shares it (it is thread-safe and never closed before the JVM exits).
 */
public final class TestEmbedder {
    private TestEmbedder() {}

    private static final class Holder {
        static final Embedder INSTANCE = new Embedder();
    }

    public static Embedder shared() {
        return Holder.INSTANCE;
    }
}
