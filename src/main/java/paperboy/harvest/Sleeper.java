package paperboy.harvest;

import java.time.Duration;

/**
 * How the harvester waits between requests. Production uses {@link #system()}; tests pass a fake
 * that advances a fake clock instead of sleeping, so a 10 s Retry-After takes no time.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
