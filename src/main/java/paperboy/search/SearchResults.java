package paperboy.search;

import java.util.List;
import paperboy.paper.ArxivId;

/**
 * One page of search results, best first (or in the requested order). {@code total} counts all
 * results, or, when {@code atLeast}, is a lower bound (a keyword search counts to 1,000 exactly
 * and no further, since no pager goes that deep). {@code mode} is how the
 * query was matched, which may differ from what was asked (no vectors yet: keyword); {@code
 * notice} explains to the user anything that was changed about their query (null when nothing was).
 * {@code incomplete}: the search ran out of time and these are the results it had found by then
 * (the notice says so, and {@code total} is a lower bound).
 */
public record SearchResults(long total, boolean atLeast, List<Hit> hits, String notice, SearchRequest.Mode mode,
        boolean incomplete) {
    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** Results of a search that ran to the end. */
    public SearchResults(long total, boolean atLeast, List<Hit> hits, String notice, SearchRequest.Mode mode) {
        this(total, atLeast, hits, notice, mode, false);
    }

    public static SearchResults empty(String notice) {
        return new SearchResults(0, false, List.of(), notice, SearchRequest.Mode.KEYWORD);
    }

    /**
     * A matching paper with HTML snippets in which the matched words are wrapped in
     * {@code <mark>}; everything else in them is already escaped. A snippet is null when the field
     * had no match.
     */
    public record Hit(ArxivId id, float score, String titleHtml, String snippetHtml) {}
}
