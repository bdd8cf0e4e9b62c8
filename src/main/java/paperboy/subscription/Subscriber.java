package paperboy.subscription;

import java.time.Instant;
import java.util.Locale;

/**
 * One address that asked for the digest.
 *
 * @param memberId the account this subscription belongs to, once accounts exist; null for a
 *                 subscription made without one
 */
public record Subscriber(long id, EmailAddress email, Frequency frequency, State state, int bounces, Instant createdAt,
        Instant confirmedAt, Long memberId) {

    /** Permanent failures after which an address is no longer mailed. */
    public static final int MAX_BOUNCES = 3;

    /** Where a subscription stands. */
    public enum State {
        /** Asked, not confirmed: gets nothing but the one confirmation mail, and is forgotten after a week. */
        PENDING,
        CONFIRMED,
        UNSUBSCRIBED,
        /** A mail server refused the address for good at least once; mailed until {@link #MAX_BOUNCES}. */
        BOUNCING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** Whether digests go to this address. */
    public boolean mailed() {
        return state == State.CONFIRMED || (state == State.BOUNCING && bounces < MAX_BOUNCES);
    }
}
