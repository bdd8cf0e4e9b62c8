package paperboy.feed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of featured days a list covers: one day, one ISO week or one calendar month. */
public sealed interface Period permits Period.Day, Period.Week, Period.Month {
    LocalDate first();

    LocalDate last();

    /** The path segment of its page, e.g. {@code date/2026-08-21}, {@code week/2026-W34}, {@code month/2026-08}. */
    String path();

    /** A label for people, e.g. {@code Friday 21 August 2026}. */
    String label();

    /** The period of the same kind that contains {@code day}. */
    Period containing(LocalDate day);

    default boolean contains(LocalDate day) {
        return !day.isBefore(first()) && !day.isAfter(last());
    }

    record Day(LocalDate day) implements Period {
        public LocalDate first() { return day; }
        public LocalDate last() { return day; }
        public String path() { return "date/" + day; }
        public String label() {
            return day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", java.util.Locale.ENGLISH));
        }
        public Period containing(LocalDate d) { return new Day(d); }
    }

    record Week(int weekBasedYear, int week) implements Period {
        public Week {
            LocalDate probe = LocalDate.of(weekBasedYear, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1);
            long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(probe).getMaximum();
            if (week < 1 || week > weeks) {
                throw new InvalidPeriod("week " + week + " does not exist in " + weekBasedYear
                        + " (it has " + weeks + " ISO weeks)");
            }
        }
        public LocalDate first() {
            return LocalDate.of(weekBasedYear, 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        public LocalDate last() { return first().plusDays(6); }
        public String path() { return "week/" + this; }
        public String label() { return "Week " + week + ", " + weekBasedYear; }
        public Period containing(LocalDate d) { return of(d); }
        @Override public String toString() { return String.format("%04d-W%02d", weekBasedYear, week); }

        public static Week of(LocalDate d) {
            return new Week(d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    record Month(YearMonth month) implements Period {
        public LocalDate first() { return month.atDay(1); }
        public LocalDate last() { return month.atEndOfMonth(); }
        public String path() { return "month/" + month; }
        public String label() {
            return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM uuuu", java.util.Locale.ENGLISH));
        }
        public Period containing(LocalDate d) { return new Month(YearMonth.from(d)); }
    }

    /** Parses {@code YYYY-MM-DD}. */
    static Day day(String text) {
        try {
            return new Day(LocalDate.parse(text));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidPeriod("\"" + shorten(text) + "\" is not a date: use YYYY-MM-DD, e.g. 2026-08-21");
        }
    }

    /** Parses {@code YYYY-Www} (any ISO week that exists, W53 included). */
    static Week week(String text) {
        Matcher m = Pattern.compile("(\\d{4})-W(\\d{2})").matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidPeriod("\"" + shorten(text) + "\" is not an ISO week: use YYYY-Www, e.g. 2026-W34");
        }
        return new Week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Parses {@code YYYY-MM}. */
    static Month month(String text) {
        try {
            return new Month(YearMonth.parse(text));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidPeriod("\"" + shorten(text) + "\" is not a month: use YYYY-MM, e.g. 2026-08");
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
