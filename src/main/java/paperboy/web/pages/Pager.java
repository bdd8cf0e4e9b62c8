package paperboy.web.pages;

/** Where a paged list stands: page {@code page} of {@code pages} (1-based), with its neighbours. */
public record Pager(int page, int pages, Link previous, Link next) {
    public boolean needed() {
        return pages > 1;
    }
}
