package paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void readsADay() {
        Period.Day day = Period.day("2026-08-21");

        assertThat(day.first()).isEqualTo(LocalDate.of(2026, 8, 21));
        assertThat(day.last()).isEqualTo(day.first());
        assertThat(day.path()).isEqualTo("date/2026-08-21");
        assertThat(day.label()).isEqualTo("Friday 21 August 2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-13-01", "21-08-2026", "2026-8-21", "yesterday", ""})
    void refusesWhatIsNotADay(String text) {
        assertThatThrownBy(() -> Period.day(text)).isInstanceOf(InvalidPeriod.class)
                .hasMessageContaining("is not a date: use YYYY-MM-DD");
    }

    @Test
    void refusesAMissingDay() {
        assertThatThrownBy(() -> Period.day(null)).isInstanceOf(InvalidPeriod.class);
    }

    @Test
    void readsAnIsoWeekFromMondayToSunday() {
        Period.Week week = Period.week("2026-W34");

        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(week.last()).isEqualTo(LocalDate.of(2026, 8, 23));
        assertThat(week.path()).isEqualTo("week/2026-W34");
        assertThat(week.label()).isEqualTo("Week 34, 2026");
    }

    @Test
    void aWeekCanStartInTheYearBefore() {
        // 1 January 2026 is a Thursday, so week 1 of 2026 begins on Monday 29 December 2025.
        Period.Week week = Period.week("2026-W01");

        assertThat(week.first()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(week.last()).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(Period.Week.of(LocalDate.of(2025, 12, 31))).isEqualTo(week);
    }

    @Test
    void week53ExistsOnlyInLongYears() {
        // A year has 53 ISO weeks when it begins on a Thursday (2026), or on a Wednesday in a leap
        // year (2020). 2025 began on a Wednesday but is not a leap year, so it has 52; so has 2027.
        Period.Week w53 = Period.week("2020-W53");
        assertThat(w53.first()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(w53.last()).isEqualTo(LocalDate.of(2021, 1, 3));
        assertThat(Period.week("2026-W53").first()).isEqualTo(LocalDate.of(2026, 12, 28));

        assertThatThrownBy(() -> Period.week("2025-W53")).isInstanceOf(InvalidPeriod.class)
                .hasMessage("week 53 does not exist in 2025 (it has 52 ISO weeks)");
        assertThatThrownBy(() -> Period.week("2027-W53")).isInstanceOf(InvalidPeriod.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-W00", "2026-W54", "2026-W5", "2026W34", "2026-34", "w34"})
    void refusesWhatIsNotAWeek(String text) {
        assertThatThrownBy(() -> Period.week(text)).isInstanceOf(InvalidPeriod.class);
    }

    @Test
    void readsAMonth() {
        Period.Month month = Period.month("2024-02");

        assertThat(month.first()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(month.last()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(month.path()).isEqualTo("month/2024-02");
        assertThat(month.label()).isEqualTo("February 2024");
        assertThat(month.containing(LocalDate.of(2026, 8, 21))).isEqualTo(new Period.Month(YearMonth.of(2026, 8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-8", "2026-08-21", "August"})
    void refusesWhatIsNotAMonth(String text) {
        assertThatThrownBy(() -> Period.month(text)).isInstanceOf(InvalidPeriod.class)
                .hasMessageContaining("is not a month: use YYYY-MM");
    }

    @Test
    void aLongInputIsShortenedInTheMessage() {
        assertThatThrownBy(() -> Period.day("x".repeat(500))).hasMessageContaining("x".repeat(40) + "…\"")
                .hasMessageNotContaining("x".repeat(41));
    }

    @Property
    void everyDayIsInTheMondayToSundayWeekThatContainsIt(@ForAll @IntRange(min = 0, max = 100_000) int epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        Period week = Period.Week.of(day);

        assertThat(week.contains(day)).isTrue();
        assertThat(week.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(week.last()).isEqualTo(week.first().plusDays(6));
        assertThat(Period.week(week.toString())).isEqualTo(week);
    }
}
