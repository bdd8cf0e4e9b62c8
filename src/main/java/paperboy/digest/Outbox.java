package paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import paperboy.db.Dialect;
import paperboy.subscription.SubscriberStore;

/**
 * The outbox: one row per (edition, subscriber), claimed by one sender at a time. A claim sets the
 * row {@code sending} with a lease ({@code claimed_by}, {@code claimed_until}) in its own
 * transaction; the sender then sends and marks it. A row still {@code sending} when its lease runs
 * out belongs to a sender that stopped (a kill, a crash) possibly in the middle of the SMTP
 * transaction: it is claimed again as in doubt and resent with the same Message-ID.
 *
 * <p>PostgreSQL senders skip each other's rows ({@code FOR UPDATE SKIP LOCKED}); SQLite has one
 * writer at a time (write transactions begin IMMEDIATE), so its claim is a read and a conditional
 * update inside that one writer's transaction.
 */
public final class Outbox {
    /** A row's state. */
    public enum State {
        PENDING, SENDING, SENT, FAILED, IN_DOUBT, SKIPPED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A claimed row: what the sender composes and sends. {@code inDoubt} when it may have gone out before. */
    public record Claim(long id, long editionId, long subscriberId, String messageId, int attempts, boolean inDoubt) {}

    private static final String DUE = "((state IN ('pending', 'in_doubt') AND next_attempt_at <= :now) "
            + "OR (state = 'sending' AND claimed_until < :now))";

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final SubscriberStore subscribers;

    public Outbox(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.subscribers = new SubscriberStore(jdbi);
    }

    /** Claims the next row due, for {@code lease}; empty when none is. */
    public Optional<Claim> claim(String sender, Instant now, Duration lease) {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return jdbi.inTransaction(h -> {
            Optional<Claim> next = h.createQuery("SELECT id, edition_id, subscriber_id, message_id, attempts, state FROM outbox "
                            + "WHERE " + DUE + " ORDER BY id LIMIT 1" + lock)
                    .bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> new Claim(rs.getLong("id"), rs.getLong("edition_id"), rs.getLong("subscriber_id"),
                            rs.getString("message_id"), rs.getInt("attempts") + 1, !"pending".equals(rs.getString("state"))))
                    .findOne();
            next.ifPresent(c -> h.createUpdate("UPDATE outbox SET state = 'sending', attempts = :attempts, claimed_by = :sender, "
                            + "claimed_until = :until WHERE id = :id")
                    .bind("attempts", c.attempts()).bind("sender", sender)
                    .bind("until", now.plus(lease).toEpochMilli()).bind("id", c.id()).execute());
            return next;
        });
    }

    /** Accepted by the mail server; a bouncing address that accepts mail again is well again. */
    public void sent(Claim claim, String sender, Instant now) {
        jdbi.useTransaction(h -> {
            if (finish(h, claim, sender, "state = 'sent', sent_at = :now, last_error = NULL", now, null) == 1) {
                subscribers.delivered(h, claim.subscriberId());
            }
        });
    }

    /** Not sent: try again at {@code next}. */
    public void retry(Claim claim, String sender, Instant next, String error) {
        jdbi.useTransaction(h -> finish(h, claim, sender, "state = 'pending', next_attempt_at = :now, last_error = :error",
                next, error));
    }

    /** The SMTP transaction was cut after the data: send the same mail again at {@code next}. */
    public void inDoubt(Claim claim, String sender, Instant next, String error) {
        jdbi.useTransaction(h -> finish(h, claim, sender, "state = 'in_doubt', next_attempt_at = :now, last_error = :error",
                next, error));
    }

    /** Refused for good (the address bounced) or out of attempts; a bounce counts against the address. */
    public void failed(Claim claim, String sender, Instant now, String error, boolean bounced) {
        jdbi.useTransaction(h -> {
            if (finish(h, claim, sender, "state = 'failed', last_error = :error", now, error) == 1 && bounced) {
                subscribers.bounced(h, claim.subscriberId());
            }
        });
    }

    /** Nothing to send this subscriber (no featured paper and no topic match, or no longer subscribed). */
    public void skipped(Claim claim, String sender, Instant now, String why) {
        jdbi.useTransaction(h -> finish(h, claim, sender, "state = 'skipped', last_error = :error", now, why));
    }

    private static int finish(org.jdbi.v3.core.Handle h, Claim claim, String sender, String set, Instant now, String error) {
        return h.createUpdate("UPDATE outbox SET " + set + ", claimed_by = NULL, claimed_until = NULL "
                        + "WHERE id = :id AND state = 'sending' AND claimed_by = :sender")
                .bind("id", claim.id()).bind("sender", sender).bind("now", now.toEpochMilli())
                .bind("error", error == null ? null : shorten(error))
                .execute();
    }

    /** When the next row that is not yet due will be; empty when none waits. */
    public Optional<Instant> nextDue() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(CASE WHEN state = 'sending' THEN claimed_until ELSE next_attempt_at END) "
                        + "FROM outbox WHERE state IN ('pending', 'in_doubt', 'sending')")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** Rows not yet sent nor given up, of every edition. */
    public long waiting() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'in_doubt', 'sending')")
                .mapTo(Long.class).one());
    }

    /** How many rows of the edition are in each state. */
    public Map<State, Long> count(long editionId) {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM outbox WHERE edition_id = :edition GROUP BY state")
                .bind("edition", editionId)
                .map((rs, ctx) -> Map.entry(State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Every subscriber's row of an edition with its state, for tests and --dry-run: (subscriber id, state). */
    public Map<Long, State> states(long editionId) {
        Map<Long, State> states = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT subscriber_id, state FROM outbox WHERE edition_id = :edition")
                .bind("edition", editionId)
                .map((rs, ctx) -> Map.entry(rs.getLong("subscriber_id"), State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT))))
                .forEach(e -> states.put(e.getKey(), e.getValue())));
        return states;
    }

    private static String shorten(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
