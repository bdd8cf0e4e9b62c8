package paperboy.paper;

import java.time.LocalDate;

/**
 * A paper as it stood after a write, with the first day it was featured (null if never) and the
 * write's position in the store's change order.
 */
public record Change(Paper paper, LocalDate firstFeatured, Position position) {

    /** A place in the change order: everything at or before it has been seen. */
    public record Position(long changeNo, String paperId) {
        public static final Position START = new Position(0, "");
    }
}
