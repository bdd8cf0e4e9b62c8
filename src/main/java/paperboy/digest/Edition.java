package paperboy.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import paperboy.paper.ArxivId;
import paperboy.subscription.Frequency;

/**
 * One digest: the daily or weekly edition of a day, the featured days it covers, and the featured
 * papers chosen for it when it was made (in order), so that every subscriber gets the same top list
 * whenever their mail is composed.
 */
public record Edition(long id, LocalDate day, Frequency kind, Calendar.Span span, List<ArxivId> featured, State state) {

    public enum State {
        /** Nothing was featured or published in the period: nothing is sent. */
        EMPTY,
        /** Its outbox rows are written; senders work through them. */
        QUEUED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the parts made once per edition (the featured list, each topic's section) are kept
     * under: the stored edition's id with its day and kind, so a preview's edition (id 0, made from
     * the papers as they are now) never lends its parts to the stored one, whose list is fixed.
     */
    String cacheKey() {
        return id + "/" + prefix();
    }

    /** What the outbox key of each of this edition's mails starts with (the subscriber's id follows). */
    String prefix() {
        return "digest/" + day + "/" + kind.label() + "/";
    }

    /** "Paperboy daily, Tuesday 1 December 2026" or "Paperboy weekly, 23 to 29 November 2026", for subjects and headings. */
    public String title() {
        if (kind == Frequency.WEEKLY) {
            return "Paperboy weekly, " + (span.from().getMonth() == span.to().getMonth()
                    ? span.from().getDayOfMonth() + "" : date(span.from()).replace(" " + span.from().getYear(), ""))
                    + " to " + date(span.to());
        }
        String name = day.getDayOfWeek().name();
        return "Paperboy daily, " + name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT) + " " + date(day);
    }

    private static String date(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }
}
