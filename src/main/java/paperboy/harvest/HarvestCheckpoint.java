package paperboy.harvest;

import java.time.LocalDate;

/**
 * Where a harvest stands, saved with every page so that a killed run resumes where it stopped: the
 * window (set, from, until; each may be null), the resumption token of the next page (null when the
 * next request starts the window), the latest record datestamp stored so far, and whether the window
 * is done.
 */
public record HarvestCheckpoint(
        String set,
        LocalDate from,
        LocalDate until,
        String resumptionToken,
        LocalDate lastDatestamp,
        boolean complete) {

    public HarvestCheckpoint {
        if (resumptionToken != null && resumptionToken.isBlank()) {
            resumptionToken = null;
        }
        if (complete && resumptionToken != null) {
            throw new IllegalArgumentException("a complete harvest has no resumption token");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("from " + from + " is after until " + until);
        }
    }

    /** A fresh window, nothing fetched yet. */
    public static HarvestCheckpoint start(String set, LocalDate from, LocalDate until) {
        return new HarvestCheckpoint(set, from, until, null, null, false);
    }

    /**
     * The window after this one, for an incremental harvest: from the latest datestamp stored (again
     * inclusive, because arXiv may add records to that day later; upserts make the overlap harmless),
     * up to {@code until}.
     */
    public HarvestCheckpoint nextWindow(LocalDate until) {
        LocalDate nextFrom = lastDatestamp != null ? lastDatestamp : from;
        return new HarvestCheckpoint(set, nextFrom, until, null, lastDatestamp, false);
    }

    /** After storing a page: its token (empty when it was the last page) and its newest datestamp. */
    HarvestCheckpoint afterPage(ResumptionToken token, LocalDate newestOnPage) {
        LocalDate newest = lastDatestamp == null || (newestOnPage != null && newestOnPage.isAfter(lastDatestamp))
                ? newestOnPage : lastDatestamp;
        return new HarvestCheckpoint(set, from, until,
                token.isComplete() ? null : token.value(), newest, token.isComplete());
    }

    /** The window had nothing in it. */
    HarvestCheckpoint finished() {
        return new HarvestCheckpoint(set, from, until, null, lastDatestamp, true);
    }

    /**
     * After badResumptionToken: ask for the window again without a token. It restarts at
     * {@code from}, the last datestamp a previous run completed, not at {@link #lastDatestamp}:
     * arXiv does not return records in datestamp order (see ListRecordsResponse.xml), so a later
     * datestamp seen says nothing about earlier ones still to come. Upserts absorb the re-fetch.
     */
    HarvestCheckpoint restartWindow() {
        return new HarvestCheckpoint(set, from, until, null, lastDatestamp, false);
    }
}
