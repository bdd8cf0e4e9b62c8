package paperboy.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP dates ({@code Tue, 01 Dec 2026 10:19:34 GMT}) for {@code Last-Modified} and {@code If-Modified-Since}. */
public final class HttpDates {
    // RFC 9110's IMF-fixdate: two-digit day, which Java's RFC_1123_DATE_TIME does not write.
    private static final DateTimeFormatter FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDates() {}

    public static String format(Instant instant) {
        return FIXDATE.format(instant);
    }

    /** The instant, or null for a missing or malformed date (which a conditional request ignores). */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
