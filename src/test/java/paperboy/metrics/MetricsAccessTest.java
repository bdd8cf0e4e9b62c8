package paperboy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses the loopback rule takes for this machine, as Jetty writes them. */
class MetricsAccessTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"})
    void loopback(String address) {
        assertThat(MetricsAccess.isLoopback(address)).isTrue();
        assertThat(new MetricsAccess(null).judge(null, address, false)).isEqualTo(MetricsAccess.Verdict.READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7", "203.0.113.7", "[2001:db8::1]", "::ffff:10.0.0.1", "localhost", "", "0.0.0.0"})
    void notLoopback(String address) {
        assertThat(MetricsAccess.isLoopback(address)).isFalse();
        assertThat(new MetricsAccess(null).judge(null, address, false)).isEqualTo(MetricsAccess.Verdict.NOT_FOUND);
    }
}
