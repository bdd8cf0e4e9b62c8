package paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import paperboy.db.Dialect;
import paperboy.subscription.SubscriberStore;

/**
 * The outbox: one row per (edition, subscriber), claimed by one sender at a time. A sender claims
 * a batch of due rows in one transaction, which only leases them ({@code claimed_by},
 * {@code claimed_until}): a leased row that was never started is simply due again when its lease
 * runs out. Before the SMTP transaction of a row the sender sets it {@code sending} (with a fresh
 * lease), in the same transaction that records what became of its previous mail; so each mail
 * costs one write, and a sender that stops (a kill, a crash) leaves at most its one mail in
 * flight {@code sending}. Such a row, its lease run out, is claimed again as in doubt and resent
 * with the same Message-ID.
 *
 * <p>PostgreSQL senders skip each other's rows ({@code FOR UPDATE SKIP LOCKED}); SQLite has one
 * writer at a time (write transactions begin IMMEDIATE, and {@link SerialWrites} has this
 * process's senders take turns), so its claim is a read and a conditional update inside that one
 * writer's transaction. Each state is read through its own range of the {@code outbox_due} index,
 * so a claim costs the same with 100,000 rows sent as with none.
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

    /** What became of a claimed row, recorded with the sender's next write. */
    public record Mark(Claim claim, Outcome outcome, Instant at, String error) {}

    /** The end of one try at a row, and what the row becomes. */
    public enum Outcome {
        /** Accepted by the mail server. */
        SENT("state = 'sent', sent_at = :at, last_error = NULL"),
        /** Accepted for an address that was bouncing: it is well again. */
        SENT_TO_BOUNCING("state = 'sent', sent_at = :at, last_error = NULL"),
        /** Not sent: try again at the mark's time. */
        RETRY("state = 'pending', next_attempt_at = :at, last_error = :error"),
        /** The SMTP transaction was cut after the data: send the same mail again at the mark's time. */
        IN_DOUBT("state = 'in_doubt', next_attempt_at = :at, last_error = :error"),
        /** Out of attempts. */
        FAILED("state = 'failed', last_error = :error"),
        /** Refused for good: counts against the address. */
        BOUNCED("state = 'failed', last_error = :error"),
        /** Nothing to send this subscriber (no featured paper and no topic match, or no longer subscribed). */
        SKIPPED("state = 'skipped', last_error = :error");

        private final String set;

        Outcome(String set) {
            this.set = set;
        }
    }

    /** Rows this sender holds and has not finished: leased, or set sending by it. */
    private static final String HELD = "claimed_by = :sender AND state IN ('pending', 'in_doubt', 'sending')";
    private static final String COLUMNS = "id, edition_id, subscriber_id, message_id, attempts, state";

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final SerialWrites writes;
    private final SubscriberStore subscribers;

    public Outbox(Jdbi jdbi, Dialect dialect) {
        this(jdbi, dialect, new SerialWrites(jdbi, dialect));
    }

    Outbox(Jdbi jdbi, Dialect dialect, SerialWrites writes) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.writes = writes;
        this.subscribers = new SubscriberStore(jdbi);
    }

    /**
     * Records {@code done}, then leases up to {@code n} due rows for {@code lease}, in one
     * transaction: first rows whose sender stopped in the middle (in doubt), then in-doubt rows due
     * again, then pending ones. Rows this sender leased and did not start are due to it again, so a
     * claim repeated after a busy answer loses nothing.
     */
    public List<Claim> claim(String sender, Instant now, Duration lease, int n, List<Mark> done) {
        return writes.inTransaction(h -> {
            record(h, sender, done);
            List<Claim> claims = new ArrayList<>();
            due(h, claims, n, "state = 'sending' AND claimed_until < :now", "claimed_until, id", sender, now);
            due(h, claims, n, "state = 'in_doubt' AND next_attempt_at <= :now "
                    + "AND (claimed_until IS NULL OR claimed_until < :now OR claimed_by = :sender)", "next_attempt_at, id", sender, now);
            due(h, claims, n, "state = 'pending' AND next_attempt_at <= :now "
                    + "AND (claimed_until IS NULL OR claimed_until < :now OR claimed_by = :sender)", "next_attempt_at, id", sender, now);
            if (!claims.isEmpty()) {
                h.createUpdate("UPDATE outbox SET claimed_by = :sender, claimed_until = :until, "
                                + "state = CASE WHEN state = 'sending' THEN 'in_doubt' ELSE state END WHERE id IN (<ids>)")
                        .bind("sender", sender).bind("until", now.plus(lease).toEpochMilli())
                        .bindList("ids", claims.stream().map(Claim::id).toList()).execute();
            }
            return claims;
        });
    }

    private void due(Handle h, List<Claim> into, int n, String where, String order, String sender, Instant now) {
        if (into.size() >= n) {
            return;
        }
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE " + where + " ORDER BY " + order + " LIMIT :n" + lock)
                .bind("now", now.toEpochMilli()).bind("sender", sender).bind("n", n - into.size())
                .map((rs, ctx) -> new Claim(rs.getLong("id"), rs.getLong("edition_id"), rs.getLong("subscriber_id"),
                        rs.getString("message_id"), rs.getInt("attempts") + 1, !"pending".equals(rs.getString("state"))))
                .forEach(into::add);
    }

    /** What {@link #start} found. */
    public enum Start {
        /** The row is sending: send its mail now. */
        SENDING,
        /** The subscriber unsubscribed (or bounced out) since the batch was read: the row is still this sender's, to skip. */
        NO_LONGER_MAILED,
        /** The lease ran out and another sender took the row: leave it alone. */
        TAKEN
    }

    /**
     * Records {@code done} and sets {@code next} sending (its try counted, its lease renewed), in
     * one transaction, just before its SMTP transaction, provided the row is still this sender's
     * and its subscriber still gets mail (an unsubscribe since the batch was read counts).
     */
    public Start start(String sender, Claim next, Instant now, Duration lease, List<Mark> done) {
        return writes.inTransaction(h -> {
            record(h, sender, done);
            int started = h.createUpdate("UPDATE outbox SET state = 'sending', attempts = :attempts, claimed_until = :until "
                            + "WHERE id = :id AND claimed_by = :sender "
                            + "AND (state IN ('pending', 'in_doubt') OR (state = 'sending' AND attempts = :attempts)) "
                            + "AND EXISTS (SELECT 1 FROM subscribers WHERE subscribers.id = outbox.subscriber_id AND "
                            + SubscriberStore.MAILED + ")")
                    .bind("attempts", next.attempts()).bind("until", now.plus(lease).toEpochMilli())
                    .bind("id", next.id()).bind("sender", sender).execute();
            if (started == 1) {
                return Start.SENDING;
            }
            boolean ours = h.createQuery("SELECT COUNT(*) FROM outbox WHERE id = :id AND " + HELD)
                    .bind("id", next.id()).bind("sender", sender).mapTo(Integer.class).one() == 1;
            return ours ? Start.NO_LONGER_MAILED : Start.TAKEN;
        });
    }

    /** At the end of a sender's run: records {@code done} and gives back the rows it leased and never started. */
    public void settle(String sender, List<Mark> done, Collection<Claim> unstarted) {
        writes.useTransaction(h -> {
            record(h, sender, done);
            if (!unstarted.isEmpty()) {
                h.createUpdate("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
                                + "WHERE id IN (<ids>) AND claimed_by = :sender AND state IN ('pending', 'in_doubt')")
                        .bind("sender", sender).bindList("ids", unstarted.stream().map(Claim::id).toList()).execute();
            }
        });
    }

    private void record(Handle h, String sender, List<Mark> done) {
        for (Mark mark : done) {
            int changed = h.createUpdate("UPDATE outbox SET " + mark.outcome().set + ", attempts = :attempts, "
                            + "claimed_by = NULL, claimed_until = NULL WHERE id = :id AND " + HELD)
                    .bind("id", mark.claim().id()).bind("sender", sender).bind("attempts", mark.claim().attempts())
                    .bind("at", mark.at().toEpochMilli()).bind("error", mark.error() == null ? null : shorten(mark.error()))
                    .execute();
            if (changed == 1 && mark.outcome() == Outcome.SENT_TO_BOUNCING) {
                subscribers.delivered(h, mark.claim().subscriberId());
            } else if (changed == 1 && mark.outcome() == Outcome.BOUNCED) {
                subscribers.bounced(h, mark.claim().subscriberId());
            }
        }
    }

    /** When the next row that is not yet due will be (a leased row: when its lease runs out); empty when none waits. */
    public Optional<Instant> nextDue() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(CASE WHEN state = 'sending' THEN claimed_until "
                        + "WHEN claimed_until IS NOT NULL AND claimed_until > next_attempt_at THEN claimed_until "
                        + "ELSE next_attempt_at END) FROM outbox WHERE state IN ('pending', 'in_doubt', 'sending')")
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

    private static String shorten(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
