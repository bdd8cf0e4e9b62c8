package paperboy.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import paperboy.http.Conditional;
import paperboy.http.HttpDates;

/** When a conditional request may be answered 304 (RFC 9110, 13.1 and 13.2.2). */
class FeedCacheTest {
    private static final String TAG = "W/\"abc\"";
    private static final Instant CHANGED = Instant.parse("2026-08-21T10:00:00Z");

    @Test
    void aMatchingEntityTagIsNotModifiedWeakOrStrongAmongOthersOrAStar() {
        assertThat(Conditional.notModified(TAG, null, TAG, CHANGED)).isTrue();
        assertThat(Conditional.notModified("\"abc\"", null, TAG, CHANGED)).isTrue();
        assertThat(Conditional.notModified("\"x\", W/\"abc\"", null, TAG, CHANGED)).isTrue();
        assertThat(Conditional.notModified("*", null, TAG, CHANGED)).isTrue();
        assertThat(Conditional.notModified("W/\"abd\"", null, TAG, CHANGED)).isFalse();
    }

    @Test
    void ifNoneMatchDecidesAloneWhenSent() {
        assertThat(Conditional.notModified("W/\"old\"", "Fri, 21 Aug 2026 11:00:00 GMT", TAG, CHANGED)).isFalse();
    }

    @Test
    void ifModifiedSinceAtOrAfterTheChangeIsNotModifiedAndAMalformedDateIsIgnored() {
        assertThat(Conditional.notModified(null, "Fri, 21 Aug 2026 10:00:00 GMT", TAG, CHANGED)).isTrue();
        assertThat(Conditional.notModified(null, "Fri, 21 Aug 2026 11:00:00 GMT", TAG, CHANGED)).isTrue();
        assertThat(Conditional.notModified(null, "Fri, 21 Aug 2026 09:59:59 GMT", TAG, CHANGED)).isFalse();
        assertThat(Conditional.notModified(null, "yesterday", TAG, CHANGED)).isFalse();
        assertThat(Conditional.notModified(null, null, TAG, CHANGED)).isFalse();
    }

    @Test
    void theEntityTagFollowsTheBodyAndHttpDatesHaveTwoDigitDays() {
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedCache.etag(body)).isEqualTo(FeedCache.etag(body.clone())).startsWith("W/\"").endsWith("\"");
        assertThat(FeedCache.etag("<feed></feed>".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(FeedCache.etag(body));
        assertThat(HttpDates.format(Instant.parse("2026-08-01T09:05:03Z"))).isEqualTo("Sat, 01 Aug 2026 09:05:03 GMT");
        assertThat(HttpDates.parse("Sat, 01 Aug 2026 09:05:03 GMT")).isEqualTo(Instant.parse("2026-08-01T09:05:03Z"));
    }
}
