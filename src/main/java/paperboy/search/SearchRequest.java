package paperboy.search;

/** A keyword search: the user's query text and which slice of the ranked results to return. */
public record SearchRequest(String query, int offset, int limit) {
    public static final int MAX_QUERY_LENGTH = 250;
    public static final int MAX_LIMIT = 120;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
        }
    }
}
