package paperboy.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import paperboy.config.MetricsSettings;
import paperboy.paper.PaperStore;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;
import paperboy.search.SearchWatch;

/**
 * Paperboy's measurements: one Micrometer registry that requests, searches, the index, the
 * embedder and the scheduled harvest record into, shown at {@code /metrics} in Prometheus' text
 * format ({@link MetricsRoutes}). Built once in {@code App} and handed to what records. Every
 * command builds one, and only {@code serve} shows it; one nobody reads costs a few counters.
 * {@link #off()} ({@code PAPERBOY_METRICS=off}) records into meters that do nothing and serves no
 * {@code /metrics}.
 */
public final class Metrics implements AutoCloseable {
    /**
     * The histogram buckets of request and search latency: a few fixed ones rather than
     * Micrometer's 70-odd, so that each route and status costs a dozen series.
     */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final MetricsAccess access;
    /** The binder that holds something until closed (its GC notification listeners); none when off. */
    private final List<JvmGcMetrics> listening = new ArrayList<>();
    private final JobMetrics jobs;

    private Metrics(MeterRegistry registry, MetricsAccess access, boolean jvm) {
        this.registry = registry;
        this.access = access;
        if (jvm) {
            JvmGcMetrics gc = new JvmGcMetrics();
            listening.add(gc);
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
        this.jobs = new JobMetrics(registry);
    }

    /** As the settings say: measured (with the JVM's own meters) and read as they allow, or off. */
    public static Metrics from(MetricsSettings settings) {
        return settings.on()
                ? new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new MetricsAccess(settings.token()), true)
                : off();
    }

    /** Records nothing (an empty composite registry hands out meters that do nothing) and serves nothing. */
    public static Metrics off() {
        return new Metrics(new CompositeMeterRegistry(), new MetricsAccess(null), false);
    }

    /** Whether anything is measured and {@code /metrics} answers. */
    public boolean isOn() {
        return registry instanceof PrometheusMeterRegistry;
    }

    /** Told of every search the index runs. */
    public SearchWatch searches() {
        return new SearchMetrics(registry);
    }

    /** Outcomes of the imports and harvests this process runs. */
    public JobMetrics jobs() {
        return jobs;
    }

    /** Gauges read at each scrape: papers indexed, how far the index is behind the store, the embedder's backlog and pace. */
    public void watch(PaperStore store, PaperIndex index, EmbeddingWorker embedding) {
        IndexGauges.register(registry, store, index, embedding);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Who may read {@code /metrics} (off, nobody asks: there is no such route). */
    MetricsAccess access() {
        return access;
    }

    /** Everything measured, in Prometheus' text format (empty when off). */
    public String scrape() {
        return registry instanceof PrometheusMeterRegistry prometheus ? prometheus.scrape() : "";
    }

    @Override
    public void close() {
        listening.forEach(JvmGcMetrics::close);
        registry.close();
    }
}
