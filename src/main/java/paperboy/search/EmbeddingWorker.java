package paperboy.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * Embeds papers in the background: follows the store's change order from where the index says
 * vectors reached, embeds in batches the papers that have no vector for the model (or whose text
 * changed since), stores the vectors and puts them in the index. Imports and requests never wait
 * for it. Killed at any point, it resumes from the index's last commit and re-embeds nothing the
 * store already holds. When it has gone through the whole store with a newly configured model, it
 * tells the index to answer with that model ({@link PaperIndex#answerWithConfiguredModel}).
 */
public final class EmbeddingWorker {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);
    static final int PAGE = 128;
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    static final Duration COUNT_EVERY = Duration.ofSeconds(5);

    private final PaperStore store;
    private final PaperIndex index;
    private final Semantic semantic;
    private final Clock clock;
    private volatile boolean stopping;
    private volatile Run current;
    private volatile Counted counted;

    /** @param semantic the model and vectors; with {@link Semantic#off()} the worker has nothing to do */
    public EmbeddingWorker(PaperStore store, PaperIndex index, Semantic semantic, Clock clock) {
        this.store = store;
        this.index = index;
        this.semantic = semantic;
        this.clock = clock;
    }

    /**
     * Where embedding stands: the configured model (its key), papers with a vector of it, papers in
     * all, the current pace, and the model whose vectors answer searches (its name; another than the
     * configured one's until the configured one's vectors are complete).
     */
    public record Progress(String model, long embedded, long total, double papersPerSecond, boolean running,
            String answering, boolean switching) {}

    /**
     * Embeds every paper the store changed since the index's vector position; returns how many
     * papers it embedded (papers whose stored vector is still good are only re-indexed).
     */
    public long embedPending() {
        if (!semantic.isOn()) {
            return 0;
        }
        Run run = new Run(clock.instant());
        current = run;
        try {
            Change.Position position = index.vectorPosition();
            for (List<Change> page = store.changesSince(position, PAGE); !page.isEmpty() && !stopping;
                    page = store.changesSince(position, PAGE)) {
                run.embedded += embedAndIndex(page);
                position = page.getLast().position();
                run.logNow(clock.instant());
            }
            if (!stopping && index.answerWithConfiguredModel()) {
                log.info("embedding: every paper has a vector of {}; searches now answer with it",
                        semantic.embedder().modelName());
            }
            return run.embedded;
        } finally {
            current = null;
            counted = null; // the next progress() counts afresh
        }
    }

    /** Whether embeddings are on; when off there is no progress to tell. */
    public boolean isOn() {
        return semantic.isOn();
    }

    /** Asks a running {@link #embedPending} to stop after its current batch. */
    public void stop() {
        stopping = true;
    }

    /** Whether {@link #stop} was called: a failure after it is the shutdown's doing, not a fault. */
    public boolean stopped() {
        return stopping;
    }

    /**
     * Where embedding stands (embeddings on only). The counts are read from the store at most every {@link
     * #COUNT_EVERY} (counting a million rows takes a moment, and health checks come often).
     */
    public Progress progress() {
        Run run = current;
        Instant now = clock.instant();
        Counted last = counted;
        if (last == null || Duration.between(last.at(), now).compareTo(COUNT_EVERY) >= 0) {
            last = new Counted(now, semantic.vectors().count(), store.count());
            counted = last;
        }
        double rate = run == null ? 0 : run.rate(now);
        Embedder answering = index.answeringModel();
        return new Progress(semantic.model(), last.embedded(), last.total(), rate, run != null, answering.modelName(),
                answering != semantic.embedder());
    }

    /** Counts read from the store, and when. */
    private record Counted(Instant at, long embedded, long total) {}

    private int embedAndIndex(List<Change> page) {
        Map<String, PaperVectors.Stored> stored = semantic.vectors().find(page.stream().map(c -> c.paper().id()).toList());
        Map<ArxivId, String> stale = new LinkedHashMap<>();
        for (Change change : page) {
            String text = PaperText.of(change.paper());
            PaperVectors.Stored vector = stored.get(change.paper().id().value());
            if (vector == null || vector.textHash() != PaperVectors.hash(text)) {
                stale.put(change.paper().id(), text);
            }
        }
        Map<ArxivId, PaperVectors.Stored> made = embed(stale);
        semantic.vectors().save(made);
        List<ArxivId> withVectors = new ArrayList<>(made.keySet());
        page.stream().map(c -> c.paper().id()).filter(id -> stored.containsKey(id.value()) && !made.containsKey(id))
                .forEach(withVectors::add);
        index.addVectors(store, withVectors, page.getLast().position());
        return made.size();
    }

    private Map<ArxivId, PaperVectors.Stored> embed(Map<ArxivId, String> texts) {
        List<String> list = List.copyOf(texts.values());
        List<float[]> vectors = list.isEmpty() ? List.of() : semantic.embedder().embedAll(list);
        Map<ArxivId, PaperVectors.Stored> made = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<ArxivId, String> text : texts.entrySet()) {
            made.put(text.getKey(), new PaperVectors.Stored(PaperVectors.hash(text.getValue()), vectors.get(i++)));
        }
        return made;
    }

    /** One pass of {@link #embedPending}: its count and pace, logged now and then. */
    private final class Run {
        private final Instant started;
        private Instant logged;
        private long embedded;

        Run(Instant started) {
            this.started = started;
            this.logged = started;
        }

        double rate(Instant now) {
            double seconds = Duration.between(started, now).toMillis() / 1000.0;
            return seconds <= 0 ? 0 : embedded / seconds;
        }

        void logNow(Instant now) {
            if (embedded > 0 && Duration.between(logged, now).compareTo(LOG_EVERY) >= 0) {
                logged = now;
                log.info("embedding: {} papers this run ({} of {} have vectors), {} papers/s",
                        embedded, semantic.vectors().count(), store.count(), String.format("%.1f", rate(now)));
            }
        }
    }
}
