package paperboy.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The subscribers and topics tables: who gets which digest, and the searches each one added.
 * The SQL is portable between SQLite and PostgreSQL.
 */
public final class SubscriberStore {
    static final String COLUMNS = "id, email, frequency, state, bounces, created_at, confirmed_at, member_id";
    /** The states an edition is sent to (see {@link Subscriber#mailed()}). */
    public static final String MAILED = "(state = 'confirmed' OR (state = 'bouncing' AND bounces < "
            + Subscriber.MAX_BOUNCES + "))";
    /** Subscribers read at once by {@link #forEachWithTopics}. */
    static final int PAGE = 1000;

    private final Jdbi jdbi;

    public SubscriberStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    public Optional<Subscriber> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<Subscriber> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public Optional<Subscriber> find(EmailAddress email) {
        return jdbi.withHandle(h -> find(h, email));
    }

    Optional<Subscriber> find(Handle h, EmailAddress email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE email = :email").bind("email", email.value())
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** A new pending subscriber, or the row already there for the address (unchanged). */
    Subscriber insertPending(Handle h, EmailAddress email, Frequency frequency, Instant now) {
        h.createUpdate("INSERT INTO subscribers (email, frequency, state, bounces, created_at) "
                        + "VALUES (:email, :frequency, 'pending', 0, :now) ON CONFLICT (email) DO NOTHING")
                .bind("email", email.value()).bind("frequency", frequency.label()).bind("now", now.toEpochMilli())
                .execute();
        return find(h, email).orElseThrow();
    }

    /** Starts a subscription over as pending (an address that had left asks again). */
    void restart(Handle h, long id, Frequency frequency, Instant now) {
        h.createUpdate("UPDATE subscribers SET state = 'pending', frequency = :frequency, bounces = 0, created_at = :now, "
                        + "confirmed_at = NULL WHERE id = :id")
                .bind("id", id).bind("frequency", frequency.label()).bind("now", now.toEpochMilli()).execute();
    }

    void setFrequency(Handle h, long id, Frequency frequency) {
        h.createUpdate("UPDATE subscribers SET frequency = :frequency WHERE id = :id")
                .bind("id", id).bind("frequency", frequency.label()).execute();
    }

    /** Confirms a pending subscription; true when it was pending. */
    boolean confirm(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE subscribers SET state = 'confirmed', confirmed_at = :now WHERE id = :id AND state = 'pending'")
                .bind("id", id).bind("now", now.toEpochMilli()).execute() == 1;
    }

    /** Confirms whatever the state (operators moving an existing list). */
    void confirmAnyway(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE subscribers SET state = 'confirmed', bounces = 0, confirmed_at = :now WHERE id = :id")
                .bind("id", id).bind("now", now.toEpochMilli()).execute();
    }

    /** Stops every digest to the subscriber; true when it was subscribed. */
    public boolean unsubscribe(long id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE subscribers SET state = 'unsubscribed' WHERE id = :id "
                + "AND state <> 'unsubscribed'").bind("id", id).execute()) == 1;
    }

    /** Deletes the subscriber with its topics and tokens; true when there was one. */
    public boolean remove(EmailAddress email) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM subscribers WHERE email = :email")
                .bind("email", email.value()).execute()) == 1;
    }

    /** A permanent refusal by a mail server: one more bounce, and the address is marked bouncing. */
    public void bounced(Handle h, long id) {
        h.createUpdate("UPDATE subscribers SET bounces = bounces + 1, state = 'bouncing' WHERE id = :id "
                + "AND state IN ('confirmed', 'bouncing')").bind("id", id).execute();
    }

    /** A mail server accepted a mail to a bouncing address: it works again. */
    public void delivered(Handle h, long id) {
        h.createUpdate("UPDATE subscribers SET bounces = 0, state = 'confirmed' WHERE id = :id AND state = 'bouncing'")
                .bind("id", id).execute();
    }

    /** Forgets subscriptions never confirmed that were asked for before {@code before}; how many. */
    public int forgetUnconfirmed(Instant before) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM subscribers WHERE state = 'pending' AND created_at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }

    /**
     * Every subscriber in id order with their topics (in the order added), a page of {@value #PAGE}
     * at a time: two reads a page (its subscribers, then all their topics), and a list of 100,000
     * is never held whole (PostgreSQL's driver reads a query's whole result at once).
     */
    public void forEachWithTopics(BiConsumer<Subscriber, List<String>> each) {
        forEachWithTopics(PAGE, each);
    }

    void forEachWithTopics(int page, BiConsumer<Subscriber, List<String>> each) {
        long after = Long.MIN_VALUE;
        List<Subscriber> rows;
        do {
            long from = after;
            rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE id > :after ORDER BY id LIMIT :n")
                    .bind("after", from).bind("n", page).map((rs, ctx) -> row(rs)).list());
            Map<Long, List<String>> topics = topics(rows.stream().map(Subscriber::id).toList());
            rows.forEach(s -> each.accept(s, topics.getOrDefault(s.id(), List.of())));
            after = rows.isEmpty() ? after : rows.getLast().id();
        } while (rows.size() == page);
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subscribers").mapTo(Long.class).one());
    }

    /** Ties the subscription to a member's account (see {@link MemberSubscriptions}). */
    void linkMember(Handle h, long id, long memberId) {
        h.createUpdate("UPDATE subscribers SET member_id = :member WHERE id = :id").bind("id", id).bind("member", memberId).execute();
    }

    /** The subscription tied to a member's account. */
    Optional<Subscriber> findByMember(Handle h, long memberId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE member_id = :member ORDER BY id")
                .bind("member", memberId).map((rs, ctx) -> row(rs)).findFirst();
    }

    /** Moves a subscription to a new address (its member verified a new one). */
    void setEmail(Handle h, long id, EmailAddress email) {
        h.createUpdate("UPDATE subscribers SET email = :email WHERE id = :id").bind("id", id).bind("email", email.value()).execute();
    }

    /** Gives subscriber {@code to} the topics of {@code from} that it lacks, then deletes {@code from}. */
    void mergeInto(Handle h, long from, long to) {
        h.createUpdate("INSERT INTO topics (subscriber_id, query) SELECT :to, query FROM topics WHERE subscriber_id = :from "
                + "ON CONFLICT (subscriber_id, query) DO NOTHING").bind("from", from).bind("to", to).execute();
        h.createUpdate("DELETE FROM subscribers WHERE id = :id").bind("id", from).execute();
    }

    /** Deletes the subscriptions tied to a member, with their topics and tokens; how many. */
    int removeMember(Handle h, long memberId) {
        return h.createUpdate("DELETE FROM subscribers WHERE member_id = :member").bind("member", memberId).execute();
    }

    public List<String> topics(long subscriberId) {
        return jdbi.withHandle(h -> topics(h, subscriberId));
    }

    /** The subscribers of {@code ids} that exist, by id, in one read (a digest sender's batch). */
    public Map<Long, Subscriber> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Subscriber> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> row(rs)).forEach(s -> found.put(s.id(), s)));
        return found;
    }

    /** The topics of each of {@code ids} (none for a subscriber without), in one read. */
    public Map<Long, List<String>> topics(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> topics = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT subscriber_id, query FROM topics WHERE subscriber_id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong("subscriber_id"), rs.getString("query")))
                .forEach(e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return topics;
    }

    public List<String> topics(Handle h, long subscriberId) {
        return h.createQuery("SELECT query FROM topics WHERE subscriber_id = :id ORDER BY id")
                .bind("id", subscriberId).mapTo(String.class).list();
    }

    /**
     * Adds the {@code topics} the subscriber lacks, unless they would then have more than
     * {@link Topic#MAX_PER_SUBSCRIBER} (the one place that rule is kept): then nothing is added
     * and the answer is false. A topic they have already takes no room. The subscriber's row is
     * locked first, so that two additions at once (two tabs, a retried form) are counted one after
     * the other: on PostgreSQL both would otherwise count the same topics and together pass the limit
     * (SQLite's writers take turns already).
     */
    boolean addTopics(Handle h, long subscriberId, Collection<Topic> topics) {
        h.createUpdate("UPDATE subscribers SET bounces = bounces WHERE id = :id").bind("id", subscriberId).execute();
        Set<String> after = new HashSet<>(topics(h, subscriberId));
        topics.forEach(t -> after.add(t.query()));
        if (after.size() > Topic.MAX_PER_SUBSCRIBER) {
            return false;
        }
        for (Topic topic : topics) {
            h.createUpdate("INSERT INTO topics (subscriber_id, query) VALUES (:id, :query) ON CONFLICT (subscriber_id, query) DO NOTHING")
                    .bind("id", subscriberId).bind("query", topic.query()).execute();
        }
        return true;
    }

    void removeTopic(Handle h, long subscriberId, String query) {
        h.createUpdate("DELETE FROM topics WHERE subscriber_id = :id AND query = :query")
                .bind("id", subscriberId).bind("query", query).execute();
    }

    static Subscriber row(ResultSet rs) throws SQLException {
        long confirmed = rs.getLong("confirmed_at");
        Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
        long member = rs.getLong("member_id");
        Long memberId = rs.wasNull() ? null : member;
        return new Subscriber(rs.getLong("id"), new EmailAddress(rs.getString("email")), Frequency.parse(rs.getString("frequency")),
                Subscriber.State.parse(rs.getString("state")), rs.getInt("bounces"), Instant.ofEpochMilli(rs.getLong("created_at")),
                confirmedAt, memberId);
    }
}
