package paperboy.config;

import java.time.Duration;

/**
 * How long a log-in lasts.
 *
 * @param sessionIdle     a session ends after this long without a request ({@code PAPERBOY_SESSION_IDLE_HOURS}, default 168 = 7 days)
 * @param sessionLifetime and this long after the log-in, however active ({@code PAPERBOY_SESSION_MAX_DAYS}, default 30)
 */
public record AccountSettings(Duration sessionIdle, Duration sessionLifetime) {
    public static final AccountSettings DEFAULTS = new AccountSettings(Duration.ofDays(7), Duration.ofDays(30));

    public AccountSettings {
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("session limits must be positive");
        }
    }
}
