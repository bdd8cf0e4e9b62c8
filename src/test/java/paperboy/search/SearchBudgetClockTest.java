package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What counts against a search's time budget: not embedding the query (the model's first load takes seconds). */
class SearchBudgetClockTest {
    @Test
    void workOffTheClockDoesNotSpendTheBudget() {
        SearchBudget budget = new SearchBudget(Duration.ofSeconds(1));

        String done = budget.offTheClock(() -> {
            sleep(Duration.ofMillis(1200)); // longer than the whole budget
            return "embedded";
        });

        assertThat(done).isEqualTo("embedded");
        assertThat(budget.spent()).isFalse();
        sleep(Duration.ofMillis(1200));
        assertThat(budget.spent()).isTrue();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
