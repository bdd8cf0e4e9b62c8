package paperboy.search;

/**
 * Told of every search {@link PaperIndex} runs, so that searches can be measured without the index
 * knowing how ({@code paperboy.metrics} measures them while serving). {@link #NONE} is told and
 * does nothing.
 */
public interface SearchWatch {
    /** Nobody watching: tools, tests, commands other than {@code serve}. */
    SearchWatch NONE = new SearchWatch() {
        @Override
        public void answered(Kind kind, SearchResults results, long nanos) {}

        @Override
        public void refused() {}
    };

    /** A search for a typed query, or for papers like a pasted passage. */
    enum Kind { QUERY, LIKE }

    /**
     * A search answered: in {@code results.mode()}, perhaps out of time ({@code results.incomplete()}),
     * after {@code nanos} including its wait for a search thread.
     */
    void answered(Kind kind, SearchResults results, long nanos);

    /** A search refused because the search threads and their queue were full. */
    void refused();
}
