package paperboy.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import paperboy.mail.Sha256;

/**
 * Logged-in browsers, kept in the store so that every node of a deployment knows them. A session's
 * id is 256 random bits, handed to the browser once (its cookie) and stored only as its SHA-256. A
 * session ends when its member logs out, after {@code idle} without a request, {@code lifetime}
 * after it began, when the member changes their password (every other session), and when the
 * member is banned, disabled or deletes the account.
 */
public final class Sessions {
    /** How often a session's last-seen time is written at most: a page view is not a write. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SessionSettings settings;

    public Sessions(Jdbi jdbi, Clock clock, SessionSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
    }

    /** A session just begun: the id for the cookie (never stored) and its hash. */
    public record Started(String id, String hash) {}

    /** A live session: its hash and its member. */
    public record Live(String hash, Member member) {}

    public SessionSettings settings() {
        return settings;
    }

    /** Begins a session for {@code member}. */
    public Started start(Member member) {
        String id = Secrets.random256();
        String hash = Sha256.hex(id);
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (id_hash, member_id, created_at, last_seen_at) "
                        + "VALUES (:hash, :member, :now, :now)")
                .bind("hash", hash).bind("member", member.id()).bind("now", now).execute());
        return new Started(id, hash);
    }

    /**
     * The live session of a cookie's id, with its member: empty when there is none, it has
     * expired (it is removed then), or its member may no longer log in.
     */
    public Optional<Live> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String hash = Sha256.hex(id);
        long now = clock.millis();
        // The session and its member in one query: this runs on every request of a logged-in browser.
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("SELECT s.member_id, s.created_at AS session_created_at, "
                        + "s.last_seen_at, " + Members.columns("m") + " FROM sessions s LEFT JOIN members m ON m.id = s.member_id "
                        + "WHERE s.id_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(rs.getLong("member_id"), rs.getLong("session_created_at"), rs.getLong("last_seen_at"),
                        rs.getObject("id") == null ? Optional.empty() : Optional.of(Members.MEMBER.map(rs, ctx))))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long memberId = row.get().memberId(), createdAt = row.get().createdAt(), lastSeen = row.get().lastSeen();
        if (now - lastSeen > settings.idle().toMillis() || now - createdAt > settings.lifetime().toMillis()) {
            end(id);
            return Optional.empty();
        }
        Optional<Member> member = row.get().member().filter(Member::isActive);
        if (member.isEmpty()) {
            endAll(memberId);
            return Optional.empty();
        }
        if (now - lastSeen > TOUCH_EVERY.toMillis()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :hash")
                    .bind("now", now).bind("hash", hash).execute());
        }
        return Optional.of(new Live(hash, member.get()));
    }

    /** A session's row with its member's, empty when the member's row is gone. */
    private record Row(long memberId, long createdAt, long lastSeen, Optional<Member> member) {}

    /** Ends the session of a cookie's id (logging out); nothing when there is none. */
    public void end(String id) {
        if (id != null) {
            endByHash(Sha256.hex(id));
        }
    }

    void endByHash(String hash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :hash").bind("hash", hash).execute());
    }

    /** Ends every session of a member (banned, disabled, password changed from the command line). */
    public int endAll(long memberId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE member_id = :m").bind("m", memberId).execute());
    }

    /** Ends every session of a member but the one with {@code keepHash} (a password changed in that session). */
    public int endOthers(long memberId, String keepHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE member_id = :m AND id_hash <> :keep")
                .bind("m", memberId).bind("keep", keepHash).execute());
    }

    /** How many sessions a member has open (what tests check). */
    public int count(long memberId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE member_id = :m")
                .bind("m", memberId).mapTo(Integer.class).one());
    }

    /** Removes expired sessions of everyone; returns how many. */
    public int sweep() {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE last_seen_at < :idle OR created_at < :old")
                .bind("idle", now - settings.idle().toMillis()).bind("old", now - settings.lifetime().toMillis()).execute());
    }
}
