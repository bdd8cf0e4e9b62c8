package paperboy.harvest;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Harvests one OAI-PMH set into the store, choosing the window from what the store remembers: an
 * unfinished harvest is resumed (after a crash or kill), a finished one is followed by the next
 * incremental window, and a set never harvested starts yesterday (UTC) unless told otherwise.
 */
public final class Harvester {
    private final ArxivOai oai;
    private final HarvestLog log;
    private final Clock clock;

    public Harvester(ArxivOai oai, HarvestLog log, Clock clock) {
        this.oai = Objects.requireNonNull(oai, "oai");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param set   an OAI set ("cs", "physics:hep-th"), or null for the whole archive
     * @param from  first datestamp day, or null to let the stored checkpoint decide
     * @param until last datestamp day, or null for up to now
     */
    public HarvestSummary harvest(String set, LocalDate from, LocalDate until) throws IOException {
        return new Harvest(oai, log.metadataPrefix(), log, clock).run(plan(set, from, until));
    }

    /** The checkpoint the next run of {@code set} starts from. */
    HarvestCheckpoint plan(String set, LocalDate from, LocalDate until) {
        Optional<HarvestCheckpoint> stored = log.last(set);
        boolean windowGiven = from != null || until != null;
        if (stored.isPresent() && !stored.get().complete()
                && (!windowGiven || (Objects.equals(stored.get().from(), from) && Objects.equals(stored.get().until(), until)))) {
            return stored.get();
        }
        if (from != null) {
            return HarvestCheckpoint.start(set, from, until);
        }
        if (stored.isPresent()) {
            // An unfinished window replaced by another: start again from its beginning, since arXiv
            // does not send records in datestamp order.
            return stored.get().complete() ? stored.get().nextWindow(until)
                    : HarvestCheckpoint.start(set, stored.get().from(), until);
        }
        return HarvestCheckpoint.start(set, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1), until);
    }

    /** Papers featured automatically by this harvester's runs so far. */
    public int featured() {
        return log.featured();
    }
}
