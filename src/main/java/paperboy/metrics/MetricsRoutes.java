package paperboy.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The web side of {@link Metrics}: times every request by its route ({@link RequestMetrics}) and
 * serves {@code GET /metrics} to whom {@link MetricsAccess} allows. Adds nothing when metrics are off,
 * so {@code /metrics} is then a page that does not exist.
 */
public final class MetricsRoutes {
    /** Prometheus' text exposition format, which every scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;

    public MetricsRoutes(Metrics metrics) {
        this.metrics = metrics;
    }

    public void addTo(JavalinConfig config) {
        if (!metrics.isOn()) {
            return;
        }
        RequestMetrics requests = new RequestMetrics(metrics.registry());
        config.requestLogger.http(requests::record);
        config.routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        switch (metrics.access().judge(ctx.header("Authorization"), ctx.req().getRemoteAddr(), forwarded(ctx))) {
            case READ -> ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
            case UNAUTHORIZED -> ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"")
                    .contentType("text/plain; charset=utf-8")
                    .result("/metrics needs the header Authorization: Bearer followed by PAPERBOY_METRICS_TOKEN.\n");
            case NOT_FOUND -> throw new NotFoundResponse();
        }
    }

    private static boolean forwarded(Context ctx) {
        return ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null || ctx.header("X-Real-IP") != null;
    }
}
