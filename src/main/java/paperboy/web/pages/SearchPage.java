package paperboy.web.pages;

import java.util.List;

/**
 * Search results ({@code /search?q=}). {@code notice} tells the user what was changed about their
 * query or why nothing was searched (null when all is well). Each hit's {@code titleHtml} and
 * {@code snippetHtml} are safe HTML (escaped text with {@code <mark>} around matches) and may be
 * null, in which case the card's plain title / summary start is shown.
 */
public record SearchPage(String query, String notice, long total, List<Hit> hits, Pager pager) {
    public record Hit(PaperCard card, String titleHtml, String snippetHtml) {}
}
