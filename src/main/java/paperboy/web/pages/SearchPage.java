package paperboy.web.pages;

import java.util.List;
import paperboy.syndication.FeedLinks;

/**
 * Search results ({@code /search?q=} or {@code /search?like=}). {@code notice} tells the user what
 * was changed about their query or why nothing was searched (null when all is well). Each hit's
 * {@code titleHtml} and {@code snippetHtml} are safe HTML (escaped text with {@code <mark>} around
 * matches) and may be null, in which case the card's plain title / summary start is shown.
 * {@code atLeast} marks {@code total} as a lower bound (past 1,000 keyword matches);
 * {@code meaningProgress} says how many papers matching by meaning could reach while they are
 * being embedded ("meaning: 384 of 1,416 papers so far"), null once all are; {@code model} which
 * embedding model matched by meaning (null for a search by words). {@code feeds} are the
 * search's Atom and RSS feeds (the latest day's when nothing was searched).
 */
public record SearchPage(String query, String like, Options options, String notice, long total, boolean atLeast,
        String meaningProgress, String model, List<Hit> hits, Pager pager, FeedLinks feeds) {
    public record Hit(PaperCard card, String titleHtml, String snippetHtml) {}

    /**
     * The search options as the form shows them: {@code mode} is the asked mode ("" for the
     * default), {@code usedMode} how the query was matched, dates ISO or "", {@code categories}
     * comma-separated or "", and whether semantic search is available at all.
     */
    public record Options(String mode, String usedMode, String sort, String from, String to, String categories,
            boolean featuredOnly, boolean semanticAvailable) {}

    public boolean hasSearch() {
        return (query != null && !query.isBlank()) || (like != null && !like.isBlank());
    }
}
