package paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A paper as a source delivered it, and, when the source featured it on a daily list, the day and
 * the moment it was featured ({@code featuredOn} is null otherwise).
 */
public record PaperUpdate(Paper paper, LocalDate featuredOn, Instant featuredAt) {
    public PaperUpdate {
        Objects.requireNonNull(paper, "paper");
        if (featuredOn != null && featuredAt == null) {
            featuredAt = featuredOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }

    public static PaperUpdate of(Paper paper) {
        return new PaperUpdate(paper, null, null);
    }
}
