package paperboy.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time, moved by tests: to a given moment, or ahead past a lease. */
public final class TestClock extends Clock {
    private volatile Duration offset;

    public TestClock(Instant now) {
        this.offset = Duration.between(Instant.now(), now);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
