package paperboy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import paperboy.harvest.HarvestSummary;
import paperboy.ingest.ImportReport;

/**
 * Outcomes of the imports and harvests this process runs: under {@code serve}, the sample loaded
 * into an empty store and the scheduled harvest of each set. ({@code paperboy import} and
 * {@code paperboy harvest} are processes of their own; what they store shows here as store changes
 * and index lag.) Every series exists from the start at 0, so that an alert on failures needs no
 * first failure to see it.
 *
 * <ul>
 * <li>{@code paperboy.import.runs}: {@code outcome} {@code done}, {@code partial} (records or files
 *     skipped) or {@code failed}
 * <li>{@code paperboy.import.papers}: {@code outcome} {@code imported}, {@code updated},
 *     {@code unchanged} or {@code skipped}
 * <li>{@code paperboy.harvest.runs} (one per set): {@code outcome} {@code done} or {@code failed}
 * <li>{@code paperboy.harvest.records}: {@code outcome} {@code stored} or {@code withdrawn}
 * </ul>
 */
public final class JobMetrics {
    private final Counter importDone;
    private final Counter importPartial;
    private final Counter importFailed;
    private final Counter imported;
    private final Counter updated;
    private final Counter unchanged;
    private final Counter skipped;
    private final Counter harvestDone;
    private final Counter harvestFailed;
    private final Counter stored;
    private final Counter withdrawn;

    JobMetrics(MeterRegistry registry) {
        importDone = counter(registry, "paperboy.import.runs", "done", "imports run");
        importPartial = counter(registry, "paperboy.import.runs", "partial", "imports run");
        importFailed = counter(registry, "paperboy.import.runs", "failed", "imports run");
        imported = counter(registry, "paperboy.import.papers", "imported", "papers read by imports");
        updated = counter(registry, "paperboy.import.papers", "updated", "papers read by imports");
        unchanged = counter(registry, "paperboy.import.papers", "unchanged", "papers read by imports");
        skipped = counter(registry, "paperboy.import.papers", "skipped", "papers read by imports");
        harvestDone = counter(registry, "paperboy.harvest.runs", "done", "harvests of one set run");
        harvestFailed = counter(registry, "paperboy.harvest.runs", "failed", "harvests of one set run");
        stored = counter(registry, "paperboy.harvest.records", "stored", "records harvested");
        withdrawn = counter(registry, "paperboy.harvest.records", "withdrawn", "records harvested");
    }

    private static Counter counter(MeterRegistry registry, String name, String outcome, String description) {
        return Counter.builder(name).description(description).tag("outcome", outcome).register(registry);
    }

    /** An import that ran to its end, perhaps skipping records or files. */
    public void imported(ImportReport report) {
        (report.skipped() > 0 || !report.failedFiles().isEmpty() ? importPartial : importDone).increment();
        imported.increment(report.imported());
        updated.increment(report.updated());
        unchanged.increment(report.unchanged());
        skipped.increment(report.skipped());
    }

    /** An import stopped by an error. */
    public void importFailed() {
        importFailed.increment();
    }

    /** A harvest of one set that ran to the end of its window. */
    public void harvested(HarvestSummary summary) {
        harvestDone.increment();
        stored.increment(summary.records());
        withdrawn.increment(summary.deleted());
    }

    /** A harvest of one set stopped by an error (it resumes from its checkpoint next time). */
    public void harvestFailed() {
        harvestFailed.increment();
    }
}
