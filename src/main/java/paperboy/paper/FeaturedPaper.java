package paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A paper as it stands on a daily list: the paper, the day it was featured and when, and whether
 * the harvest put it there by the auto-feature rule (source {@code auto}) rather than a person or
 * an import.
 */
public record FeaturedPaper(Paper paper, LocalDate day, Instant featuredAt, boolean automatic) {
    public FeaturedPaper(Paper paper, LocalDate day, Instant featuredAt) {
        this(paper, day, featuredAt, false);
    }
}
