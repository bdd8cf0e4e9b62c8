package paperboy.account;

import java.time.Duration;

/**
 * How long sessions last and how their cookie is marked.
 *
 * @param idle     a session ends after this long without a request ({@code PAPERBOY_SESSION_IDLE_HOURS}, default 7 days)
 * @param lifetime and this long after it began, however active ({@code PAPERBOY_SESSION_MAX_DAYS}, default 30 days)
 * @param secure   whether cookies are marked {@code Secure} (when {@code PAPERBOY_BASE_URL} is https)
 */
public record SessionSettings(Duration idle, Duration lifetime, boolean secure) {
    public static final Duration DEFAULT_IDLE = Duration.ofDays(7);
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    public static final SessionSettings DEFAULTS = new SessionSettings(DEFAULT_IDLE, DEFAULT_LIFETIME, false);

    public SessionSettings {
        if (idle.isNegative() || idle.isZero() || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session limits must be positive");
        }
    }
}
