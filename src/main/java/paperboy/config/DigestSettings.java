package paperboy.config;

import java.time.LocalTime;

/**
 * The email digest's schedule and size.
 *
 * @param at   the UTC time of day editions are sent ({@code PAPERBOY_DIGEST_AT}): daily ones on
 *             weekdays, weekly ones on Mondays
 * @param size how many trending featured papers an edition lists ({@code PAPERBOY_DIGEST_SIZE})
 */
public record DigestSettings(LocalTime at, int size) {
    public static final LocalTime DEFAULT_AT = LocalTime.of(7, 0);
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;
    public static final DigestSettings DEFAULTS = new DigestSettings(DEFAULT_AT, DEFAULT_SIZE);

    public DigestSettings {
        at = at == null ? DEFAULT_AT : at;
        if (size < 1 || size > MAX_SIZE) {
            throw new ConfigException("PAPERBOY_DIGEST_SIZE", Integer.toString(size), "a number of papers from 1 to " + MAX_SIZE);
        }
    }
}
