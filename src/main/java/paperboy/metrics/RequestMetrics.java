package paperboy.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests}: every answered request, timed, by method, route and status. The
 * route is the template Javalin matched ({@code /papers/{id}}), never the path that was asked for,
 * so that the series stay as few as the routes whatever clients send: static files are
 * {@code /static/*}, what matched no route is {@code unmatched}, a method HTTP does not define is
 * {@code OTHER}.
 */
final class RequestMetrics {
    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    static final String STATIC = "/static/*";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "QUERY");

    private final MeterRegistry registry;
    /** The timers made so far; looked up without building a meter id on every request. */
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Series(String method, String route, int status) {}

    /** As Javalin's request logger: after the response, with the milliseconds it took. */
    void record(Context ctx, Float millis) {
        Series series = new Series(method(ctx), route(ctx), ctx.statusCode());
        timers.computeIfAbsent(series, this::timer).record((long) (millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder(NAME)
                .description("HTTP requests answered, by route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
                .register(registry);
    }

    private static String method(Context ctx) {
        String method = ctx.req().getMethod();
        return METHODS.contains(method) ? method : "OTHER";
    }

    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null && endpoint.method.isHttpMethod()) {
            return endpoint.path;
        }
        return ctx.path().startsWith("/static/") ? STATIC : UNMATCHED;
    }
}
