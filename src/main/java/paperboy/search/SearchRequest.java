package paperboy.search;

import java.util.Locale;

/**
 * A search: the user's query text, how to match it, what to keep, how to order it, and which
 * slice of the results to return.
 *
 * @param mode null for the best the index can do (hybrid once papers have vectors, else keyword)
 */
public record SearchRequest(String query, Mode mode, SearchFilters filters, Sort sort, int offset, int limit) {
    /** The longest query read as search syntax (as on Hugging Face); the page searches longer ones as passages. */
    public static final int MAX_QUERY_LENGTH = 250;
    /** The longest passage "more like this" takes. */
    public static final int MAX_PASSAGE_LENGTH = 5000;
    public static final int MAX_LIMIT = 120;

    /** How a query is matched: by its words (BM25), by meaning (nearest vectors), or both fused. */
    public enum Mode {
        KEYWORD, SEMANTIC, HYBRID;

        /** Reads {@code keyword}, {@code semantic} or {@code hybrid} (any case). */
        public static Mode parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode must be keyword, semantic or hybrid, not \"" + text + "\"");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The order of results: best match first, newest first, or most upvoted first. */
    public enum Sort {
        RELEVANCE, DATE, UPVOTES;

        public static Sort parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort must be relevance, date or upvotes, not \"" + text + "\"");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        filters = filters == null ? SearchFilters.NONE : filters;
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }

    /** A plain search in the best mode, by relevance, with no filters. */
    public SearchRequest(String query, int offset, int limit) {
        this(query, null, SearchFilters.NONE, Sort.RELEVANCE, offset, limit);
    }

    public SearchRequest withMode(Mode newMode) {
        return new SearchRequest(query, newMode, filters, sort, offset, limit);
    }
}
