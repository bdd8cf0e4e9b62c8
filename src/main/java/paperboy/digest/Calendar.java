package paperboy.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import paperboy.subscription.Frequency;

/**
 * When editions are due and what each covers. A daily edition goes out on weekdays and covers
 * the featured days since the previous one (Tuesday: Monday; Monday: Friday to Sunday); a weekly
 * edition goes out on Mondays and covers the week before, Monday to Sunday. Both at the same UTC
 * time of day ({@code PAPERBOY_DIGEST_AT}).
 */
public record Calendar(LocalTime at) {

    /** The days an edition covers, inclusive. */
    public record Span(LocalDate from, LocalDate to) {}

    /** Whether an edition of {@code kind} is sent on {@code day}. */
    public static boolean isEditionDay(Frequency kind, LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return kind == Frequency.WEEKLY ? weekday == DayOfWeek.MONDAY
                : weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** @throws IllegalArgumentException when no edition of {@code kind} is sent that day */
    public static Span span(Frequency kind, LocalDate day) {
        if (!isEditionDay(kind, day)) {
            throw new IllegalArgumentException(kind == Frequency.WEEKLY
                    ? "weekly editions are sent on Mondays; " + day + " is a " + weekday(day)
                    : "daily editions are sent on weekdays; " + day + " is a " + weekday(day));
        }
        if (kind == Frequency.WEEKLY) {
            return new Span(day.minusDays(7), day.minusDays(1));
        }
        LocalDate previous = day.minusDays(1);
        while (!isEditionDay(Frequency.DAILY, previous)) {
            previous = previous.minusDays(1);
        }
        return new Span(previous, day.minusDays(1));
    }

    /** The latest edition of {@code kind} whose time has come by {@code now}. */
    public LocalDate lastDue(Frequency kind, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate day = now.isBefore(today.atTime(at).toInstant(ZoneOffset.UTC)) ? today.minusDays(1) : today;
        while (!isEditionDay(kind, day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** When the edition of {@code day} is sent. */
    public Instant sendTime(LocalDate day) {
        return day.atTime(at).toInstant(ZoneOffset.UTC);
    }

    private static String weekday(LocalDate day) {
        String name = day.getDayOfWeek().name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
