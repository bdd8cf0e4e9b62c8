package paperboy.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;

/** One record of an OAI-PMH page: a paper as arXiv describes it, or the notice that it was deleted. */
public sealed interface OaiRecord {
    ArxivId id();

    /** When arXiv last changed the record (the header datestamp): what from/until select on. */
    LocalDate datestamp();

    /**
     * A live record.
     *
     * @param versions the version history with dates (arXivRaw only; empty for the arXiv format)
     */
    record Live(ArxivId id, LocalDate datestamp, List<String> setSpecs, Paper paper, List<Version> versions)
            implements OaiRecord {
        public Live {
            Objects.requireNonNull(paper, "paper");
            setSpecs = List.copyOf(setSpecs);
            versions = List.copyOf(versions);
        }
    }

    /** A record the repository reports as deleted (header status="deleted", no metadata). */
    record Deleted(ArxivId id, LocalDate datestamp) implements OaiRecord {}

    /** One version from arXivRaw: number (1 for v1), submission time, size as given ("853kb"). */
    record Version(int number, Instant submitted, String size) {}
}
