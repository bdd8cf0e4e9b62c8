package paperboy.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import paperboy.paper.PaperStore;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;

/**
 * Gauges read at each scrape from the parts' own getters (the ones {@code /healthz} reads): the
 * index's papers, vectors and segments, the store's change number, the index's committed one and the lag
 * between them, how often searches were answered from remembered answers and their words' places remembered, and, with embeddings on, the embedder's progress (its counts are re-read from the
 * store at most every few seconds).
 */
final class IndexGauges {
    private IndexGauges() {}

    static void register(MeterRegistry registry, PaperStore store, PaperIndex index, EmbeddingWorker embedding) {
        gauge(registry, "paperboy.index.papers", "papers in the search index", index::size);
        gauge(registry, "paperboy.index.vectors", "papers in the search index with a vector", index::vectorCount);
        gauge(registry, "paperboy.index.segments", "segments of the search index (merged into one after a bulk write)",
                () -> index.segmentSizes().size());
        gauge(registry, "paperboy.store.change", "the store's last change number", store::lastChangeNo);
        gauge(registry, "paperboy.index.change", "the store change number the index has committed",
                () -> index.committedPosition().changeNo());
        gauge(registry, "paperboy.index.lag", "store changes the index has not committed yet",
                () -> store.lastChangeNo() - index.committedPosition().changeNo());
        gauge(registry, "paperboy.search.answers.hits", "searches answered from a remembered answer on the same index snapshot",
                () -> index.answerCounts().hits());
        gauge(registry, "paperboy.search.answers.misses", "searches not answered from memory (run, or sharing the same search running)",
                () -> index.answerCounts().misses());
        gauge(registry, "paperboy.search.known_terms.hits", "query words whose place in the index snapshot was remembered",
                () -> index.knownTermCounts().hits());
        gauge(registry, "paperboy.search.known_terms.misses", "query words looked up in every segment of the index snapshot",
                () -> index.knownTermCounts().misses());
        if (embedding.isOn()) {
            gauge(registry, "paperboy.embedding.embedded", "papers with a vector of the model",
                    () -> embedding.progress().embedded());
            gauge(registry, "paperboy.embedding.backlog", "papers still to embed", () -> {
                EmbeddingWorker.Progress progress = embedding.progress();
                return Math.max(0, progress.total() - progress.embedded());
            });
            gauge(registry, "paperboy.search.query_vectors.hits", "typed queries whose vector was remembered, not embedded again",
                    () -> index.queryVectorCounts().hits());
            gauge(registry, "paperboy.search.query_vectors.misses", "typed queries embedded (not remembered)",
                    () -> index.queryVectorCounts().misses());
            gauge(registry, "paperboy.embedding.rate", "papers embedded per second in the current run (0 between runs)",
                    () -> embedding.progress().papersPerSecond());
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }
}
