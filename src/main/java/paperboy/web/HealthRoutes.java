package paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import paperboy.db.Database;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;

/** {@code /healthz}: 200 when the store and the index answer, 503 otherwise, with counts either way. */
final class HealthRoutes {
    private final Database database;
    private final PaperStore papers;
    private final FeaturedStore featured;
    private final PaperIndex index;
    private final ObjectMapper json;

    HealthRoutes(Database database, PaperStore papers, FeaturedStore featured, PaperIndex index, ObjectMapper json) {
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
            store.put("reachable", false).put("error", e.getMessage());
            ok = false;
        }
        ObjectNode search = body.putObject("index");
        try {
            search.put("reachable", true);
            search.put("papers", index.size());
            search.put("changeNo", index.committedPosition().changeNo());
        } catch (RuntimeException e) {
            search.put("reachable", false).put("error", e.getMessage());
            ok = false;
        }
        body.put("status", ok ? "ok" : "unavailable");
        ctx.status(ok ? 200 : 503).contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
