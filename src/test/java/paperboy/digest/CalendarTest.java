package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import paperboy.subscription.Frequency;

/** Which edition is due when, and which featured days it covers. */
class CalendarTest {
    private final Calendar atSeven = new Calendar(LocalTime.of(7, 0));

    @Test
    void aDailyEditionCoversTheDaysSinceThePreviousWeekday() {
        assertThat(Calendar.span(Frequency.DAILY, LocalDate.of(2026, 12, 1)))
                .isEqualTo(new Calendar.Span(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)));
        assertThat(Calendar.span(Frequency.DAILY, LocalDate.of(2026, 11, 30)))
                .isEqualTo(new Calendar.Span(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 29)));
        assertThat(Calendar.span(Frequency.WEEKLY, LocalDate.of(2026, 11, 30)))
                .isEqualTo(new Calendar.Span(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThatThrownBy(() -> Calendar.span(Frequency.DAILY, LocalDate.of(2026, 12, 5))).hasMessageContaining("Saturday");
    }

    @Test
    void theLastDueEditionIsTodaysOnceItsTimeHasComeElseTheOneBefore() {
        assertThat(atSeven.lastDue(Frequency.DAILY, Instant.parse("2026-12-01T07:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(atSeven.lastDue(Frequency.DAILY, Instant.parse("2026-12-01T06:59:00Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(atSeven.lastDue(Frequency.DAILY, Instant.parse("2026-11-30T06:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(atSeven.lastDue(Frequency.WEEKLY, Instant.parse("2026-12-03T12:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(atSeven.lastDue(Frequency.WEEKLY, Instant.parse("2026-11-30T06:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 23));
    }
}
