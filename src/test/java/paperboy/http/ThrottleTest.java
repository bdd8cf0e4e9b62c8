package paperboy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void allowsTheCapacityThenRefusesWithAWait() {
        Throttle throttle = new Throttle("logins per address", 3, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.take("10.0.0.1").refused()).isFalse();
        }
        Throttle.Refusal refusal = throttle.take("10.0.0.1");
        assertThat(refusal.refused()).isTrue();
        assertThat(refusal.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(refusal.retryAfterSeconds()).isBetween(1L, 15 * 60L);
    }

    @Test
    void keysAreCountedApart() {
        Throttle throttle = new Throttle("sign-ups", 1, Duration.ofHours(1));
        assertThat(throttle.take("a").refused()).isFalse();
        assertThat(throttle.take("b").refused()).isFalse();
        assertThat(throttle.take("a").refused()).isTrue();
    }

    @Test
    void resetForgetsAKeysSpending() {
        Throttle throttle = new Throttle("logins per account", 1, Duration.ofHours(1));
        throttle.take("ada@example.org");
        throttle.reset("ada@example.org");
        assertThat(throttle.take("ada@example.org").refused()).isFalse();
    }

    @Test
    void takeOrRefuseThrowsA429() {
        Throttle throttle = new Throttle("comments", 1, Duration.ofMinutes(1));
        throttle.takeOrRefuse("m1");
        assertThatThrownBy(() -> throttle.takeOrRefuse("m1"))
                .isInstanceOf(TooManyRequests.class)
                .hasMessageContaining("comments")
                .satisfies(e -> assertThat(((TooManyRequests) e).retryAfterSeconds()).isBetween(1L, 60L));
    }

    @Test
    void offNeverRefuses() {
        Throttle off = Throttle.off();
        for (int i = 0; i < 10_000; i++) {
            assertThat(off.take("x").refused()).isFalse();
        }
    }

    @Test
    void refusesNonsenseLimits() {
        assertThatThrownBy(() -> new Throttle("x", 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Throttle("x", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
