package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The search threads: a full pool refuses at once, and what a search throws reaches its caller. */
class SearchPoolTest {
    @Test
    void aSearchBeyondWhatRunsAndWaitsIsRefusedAtOnceWithWhenToRetry() throws InterruptedException {
        try (SearchPool pool = new SearchPool(1, Duration.ofMillis(1500))) {
            try (FullPool full = FullPool.of(pool)) {
                assertThat(pool.capacity()).isEqualTo(9); // one running, eight waiting
                assertThatThrownBy(() -> pool.run(() -> "one more")).isInstanceOfSatisfying(SearchPool.Busy.class,
                        busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
            }
            assertThat(pool.run(() -> "served again")).isEqualTo("served again");
        }
    }

    @Test
    void whatASearchThrowsIsThrownToItsCaller() {
        try (SearchPool pool = new SearchPool(2, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> pool.run(() -> {
                throw new IllegalArgumentException("bad query");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad query");
        }
    }
}
