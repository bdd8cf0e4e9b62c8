package paperboy.web;

import paperboy.web.pages.Link;
import paperboy.web.pages.Pager;

/** Builds the pager of a list page; {@code base} is the page's URL, with or without a query string. */
final class Paging {
    private Paging() {}

    static Pager of(String base, int page, long total, int pageSize) {
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        String join = base.contains("?") ? "&" : "?";
        return new Pager(page, pages,
                new Link("Previous page", page > 1 ? base + join + "page=" + (page - 1) : null),
                new Link("Next page", page < pages ? base + join + "page=" + (page + 1) : null));
    }
}
