package paperboy.harvest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.paper.Paper;

/**
 * One harvest run over OAI-PMH ListRecords: from a checkpoint, page by page, each page handed to the
 * {@link HarvestSink} together with the checkpoint that follows it, until the last page. If the run
 * dies (network, malformed answer, the process is killed), the stored checkpoint is the one of the
 * last stored page, and running again from it loses no page and stores none twice.
 */
public final class Harvest {
    private static final Logger log = LoggerFactory.getLogger(Harvest.class);
    /** badResumptionToken more often than this in one run means something else is wrong. */
    private static final int MAX_RESTARTS = 3;

    private final ArxivOai oai;
    private final String metadataPrefix;
    private final HarvestSink sink;
    private final Clock clock;

    /** @param metadataPrefix {@link OaiRequest#ARXIV} or {@link OaiRequest#ARXIV_RAW} */
    public Harvest(ArxivOai oai, String metadataPrefix, HarvestSink sink, Clock clock) {
        this.oai = Objects.requireNonNull(oai, "oai");
        this.metadataPrefix = Objects.requireNonNull(metadataPrefix, "metadataPrefix");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Harvests from {@code checkpoint} to the end of its window. A complete checkpoint is a no-op;
     * start the next window with {@link HarvestCheckpoint#nextWindow}.
     *
     * @throws IOException when arXiv cannot be reached or answers something unusable; the message
     *     names the request, and the stored checkpoint stays at the last stored page
     */
    public HarvestSummary run(HarvestCheckpoint checkpoint) throws IOException {
        Instant started = clock.instant();
        var tally = new Tally();
        HarvestCheckpoint at = checkpoint;
        while (!at.complete()) {
            OaiRequest request = at.resumptionToken() != null
                    ? OaiRequest.resume("ListRecords", at.resumptionToken())
                    : OaiRequest.listRecords(metadataPrefix, at.set(), at.from(), at.until());
            OaiAnswer answer = oai.fetch(request);
            at = switch (answer) {
                case OaiAnswer.Page page -> store(page, at, tally, started);
                case OaiAnswer.NoRecordsMatch none -> {
                    log.info("no records match {}: {}", describe(at), none.message());
                    HarvestCheckpoint done = at.finished();
                    sink.store(List.of(), List.of(), done);
                    yield done;
                }
                case OaiAnswer.BadResumptionToken bad -> restart(at, bad, request, tally);
                default -> throw new ArxivResponseException("arXiv OAI-PMH answered " + errorText(answer)
                        + " to GET " + request.toUri(oai.base()));
            };
        }
        var summary = new HarvestSummary(tally.pages, tally.records, tally.deleted, tally.restarts,
                Duration.between(started, clock.instant()), at);
        log.info("harvest of {} done: {} pages, {} records, {} deleted in {} s",
                describe(at), summary.pages(), summary.records(), summary.deleted(), summary.elapsed().toSeconds());
        return summary;
    }

    private HarvestCheckpoint store(OaiAnswer.Page page, HarvestCheckpoint at, Tally tally, Instant started) {
        List<Paper> papers = new ArrayList<>();
        List<OaiRecord.Deleted> deleted = new ArrayList<>();
        LocalDate newest = null;
        for (OaiRecord record : page.records()) {
            switch (record) {
                case OaiRecord.Live live -> papers.add(live.paper());
                case OaiRecord.Deleted gone -> deleted.add(gone);
            }
            if (newest == null || record.datestamp().isAfter(newest)) {
                newest = record.datestamp();
            }
        }
        HarvestCheckpoint next = at.afterPage(page.resumption(), newest);
        sink.store(papers, deleted, next);
        tally.pages++;
        tally.records += papers.size();
        tally.deleted += deleted.size();
        progress(page.resumption(), tally, started);
        return next;
    }

    private HarvestCheckpoint restart(HarvestCheckpoint at, OaiAnswer.BadResumptionToken bad,
                                      OaiRequest request, Tally tally) throws ArxivResponseException {
        if (at.resumptionToken() == null || ++tally.restarts > MAX_RESTARTS) {
            throw new ArxivResponseException("arXiv OAI-PMH answered badResumptionToken (" + bad.message()
                    + ") to GET " + request.toUri(oai.base()) + "; giving up after " + (tally.restarts - 1)
                    + " restarts");
        }
        log.warn("arXiv rejected resumption token {} ({}); restarting {} without it",
                at.resumptionToken(), bad.message(), describe(at));
        return at.restartWindow();
    }

    private void progress(ResumptionToken token, Tally tally, Instant started) {
        double seconds = Math.max(1, Duration.between(started, clock.instant()).toSeconds());
        String ofTotal = token.completeListSize() == null ? "" : " of " + token.completeListSize();
        log.info("page {}: {} records{} so far, {} records/s", tally.pages, tally.records + tally.deleted,
                ofTotal, String.format("%.1f", (tally.records + tally.deleted) / seconds));
    }

    private static String errorText(OaiAnswer answer) {
        return switch (answer) {
            case OaiAnswer.IdDoesNotExist e -> "idDoesNotExist (" + e.message() + ")";
            case OaiAnswer.BadArgument e -> "badArgument (" + e.message() + ")";
            case OaiAnswer.BadVerb e -> "badVerb (" + e.message() + ")";
            case OaiAnswer.OtherError e -> e.code() + " (" + e.message() + ")";
            default -> answer.toString();
        };
    }

    private static String describe(HarvestCheckpoint at) {
        return "set " + (at.set() == null ? "(all)" : at.set()) + " from " + at.from() + " until " + at.until();
    }

    private static final class Tally {
        int pages;
        int records;
        int deleted;
        int restarts;
    }
}
