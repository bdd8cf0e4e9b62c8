package paperboy.search;

import java.util.List;
import paperboy.paper.ArxivId;

/**
 * One page of search results, best first (or in the requested order). {@code total} counts all
 * results, or, when {@code atLeast}, is a lower bound (a keyword search counts to 1,000 exactly
 * and no further, since no pager goes that deep). {@code mode} is how the
 * query was matched, which may differ from what was asked (no vectors yet: keyword); {@code
 * notice} explains to the user anything that was changed about their query (null when nothing was);
 * {@code meaning} says how many papers matching by meaning could reach while embedding is under way.
 * {@code incomplete}: the search ran out of time and these are the results it had found by then
 * (the notice says so, and {@code total} is a lower bound).
 */
public record SearchResults(long total, boolean atLeast, List<Hit> hits, String notice, SearchRequest.Mode mode,
        Coverage meaning, boolean incomplete) {
    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** Results of a search that ran to the end and did not use vectors, or used them with every paper embedded. */
    public SearchResults(long total, boolean atLeast, List<Hit> hits, String notice, SearchRequest.Mode mode) {
        this(total, atLeast, hits, notice, mode, Coverage.WHOLE, false);
    }

    public static SearchResults empty(String notice) {
        return new SearchResults(0, false, List.of(), notice, SearchRequest.Mode.KEYWORD);
    }

    /** These results with {@code more} added to the notice. */
    public SearchResults withNotice(String more) {
        return new SearchResults(total, atLeast, hits, notice == null ? more : notice + " " + more, mode, meaning,
                incomplete);
    }

    /**
     * A matching paper with HTML snippets in which the matched words are wrapped in
     * {@code <mark>}; everything else in them is already escaped. A snippet is null when the field
     * had no match.
     */
    public record Hit(ArxivId id, float score, String titleHtml, String snippetHtml) {}

    /** How many of the index's papers have a vector: while it is fewer than all, meaning sees only those. */
    public record Coverage(long embedded, long papers) {
        /** Every paper embedded, or vectors not used. */
        public static final Coverage WHOLE = new Coverage(0, 0);

        public boolean partial() {
            return embedded < papers;
        }
    }
}
