package paperboy.community;

import paperboy.paper.ArxivId;

/** A write named a paper the store does not have (a 404 for pages and the API). */
public final class UnknownPaper extends RuntimeException {
    public UnknownPaper(ArxivId id) {
        super("Paper " + id + " is not in this index.");
    }
}
