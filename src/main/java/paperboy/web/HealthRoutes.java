package paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.db.Database;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;

/**
 * {@code /healthz}: 200 when the store and the index answer, 503 otherwise, with counts either way.
 * A part that fails is given a short fixed reason; the exception (which may name hosts, files or
 * SQL) goes to the log only.
 */
final class HealthRoutes {
    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
    static final String STORE_DOWN = "the store did not answer";
    static final String INDEX_DOWN = "the search index did not answer";
    static final String PROGRESS_UNKNOWN = "embedding progress could not be read";

    private final Database database;
    private final PaperStore papers;
    private final FeaturedStore featured;
    private final PaperIndex index;
    private final EmbeddingWorker embedding;
    private final ObjectMapper json;

    HealthRoutes(Database database, PaperStore papers, FeaturedStore featured, PaperIndex index,
            EmbeddingWorker embedding, ObjectMapper json) {
        this.embedding = embedding;
        this.database = database;
        this.papers = papers;
        this.featured = featured;
        this.index = index;
        this.json = json;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/healthz", this::health);
    }

    private void health(Context ctx) throws Exception {
        ObjectNode body = json.createObjectNode();
        boolean ok = true;
        ObjectNode store = body.putObject("store");
        try {
            store.put("reachable", database.isReachable());
            store.put("papers", papers.count());
            store.put("featuredDays", featured.countDays());
            store.put("changeNo", papers.lastChangeNo());
        } catch (RuntimeException e) {
            log.warn("health: {}", STORE_DOWN, e);
            store.put("reachable", false).put("error", STORE_DOWN);
            ok = false;
        }
        ObjectNode search = body.putObject("index");
        try {
            search.put("reachable", true);
            search.put("papers", index.size());
            search.put("changeNo", index.committedPosition().changeNo());
        } catch (RuntimeException e) {
            log.warn("health: {}", INDEX_DOWN, e);
            search.put("reachable", false).put("error", INDEX_DOWN);
            ok = false;
        }
        embeddings(body.putObject("embeddings"));
        body.put("status", ok ? "ok" : "unavailable");
        ctx.status(ok ? 200 : 503).contentType("application/json").result(json.writeValueAsBytes(body));
    }

    /** Semantic search: off, or how many papers have vectors of the model and how fast the rest go. */
    private void embeddings(ObjectNode node) {
        if (!embedding.isOn()) {
            node.put("state", "off");
            return;
        }
        try {
            EmbeddingWorker.Progress progress = embedding.progress();
            node.put("state", progress.running() ? "embedding" : progress.embedded() >= progress.total() ? "done" : "waiting");
            node.put("model", progress.model());
            node.put("answering", progress.answering()); // the model searches use: another one while a new model embeds
            node.put("switching", progress.switching());
            node.put("embedded", progress.embedded());
            node.put("total", progress.total());
            node.put("papersPerSecond", Math.round(progress.papersPerSecond() * 10) / 10.0);
        } catch (RuntimeException e) {
            log.warn("health: {}", PROGRESS_UNKNOWN, e);
            node.put("state", "unknown").put("error", PROGRESS_UNKNOWN);
        }
    }
}
