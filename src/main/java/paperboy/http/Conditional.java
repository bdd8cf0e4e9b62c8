package paperboy.http;

import java.time.Instant;

/** Conditional GET: whether a client that sent validators may be answered {@code 304 Not Modified}. */
public final class Conditional {
    private Conditional() {}

    /**
     * Whether a conditional request may be answered 304 (RFC 9110, 13.2.2): {@code If-None-Match},
     * when sent, decides alone, by weak comparison ({@code W/} aside, the tags are equal); otherwise
     * {@code If-Modified-Since} at or after {@code lastModified} does. A date that does not parse is
     * ignored, as the RFC says; so is every date when the answer has no {@code lastModified} (null).
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || opaque(t).equals(opaque(etag))) {
                    return true;
                }
            }
            return false;
        }
        Instant since = HttpDates.parse(ifModifiedSince);
        return since != null && lastModified != null && !lastModified.isAfter(since);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
