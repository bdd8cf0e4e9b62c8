package paperboy.web.pages;

/**
 * What a page tells browsers, crawlers and link previews in its {@code <head>}: its canonical
 * absolute address, a preview (OpenGraph and Twitter card) when the page is worth sharing, and
 * whether search engines should leave it out of their index.
 */
public record Head(String canonical, Preview preview, boolean noindex) {
    /** A page that is its own canonical address. */
    public static Head at(String canonical) {
        return new Head(canonical, null, false);
    }

    /** A page of search results: canonical to its tidy address, and kept out of search engines' indexes. */
    public static Head searchAt(String canonical) {
        return new Head(canonical, null, true);
    }

    public static Head sharedAt(String canonical, Preview preview) {
        return new Head(canonical, preview, false);
    }
}
