package paperboy.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** A job that runs once a day at a UTC time of day: when is the next run, and which day a run is for. */
public record DailySchedule(LocalTime at) {

    /** The first run strictly after {@code now}. */
    public Instant nextRun(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant todays = today.atTime(at).toInstant(ZoneOffset.UTC);
        return todays.isAfter(now) ? todays : today.plusDays(1).atTime(at).toInstant(ZoneOffset.UTC);
    }

    /** The day a run scheduled at {@code run} is for: what nodes claim, so each day runs once. */
    public static LocalDate dayOf(Instant run) {
        return LocalDate.ofInstant(run, ZoneOffset.UTC);
    }
}
