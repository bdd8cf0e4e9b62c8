package paperboy.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The members table: who has an account, their role and status, and their password hash (which
 * never leaves this class but through {@link #credentials}). Emails and names are unique once folded
 * to lower case.
 */
public final class Members {
    private static final String COLUMNS = "id, name, email, role, status, created_at, email_verified_at";
    static final RowMapper<Member> MEMBER = (rs, ctx) -> new Member(rs.getLong("id"), rs.getString("name"),
            rs.getString("email"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
            MemberStatus.parse(rs.getString("status")), Instant.ofEpochMilli(rs.getLong("created_at")),
            rs.getObject("email_verified_at") != null);

    /** The columns {@link #MEMBER} reads, of the members table named {@code alias} in a join. */
    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final NameChanges names;

    /** @param names told of every change of a member's public name, in its transaction */
    public Members(Jdbi jdbi, Clock clock, NameChanges names) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.names = names;
    }

    /** A member and their stored password hash, for a log-in to check. */
    public record Credentials(Member member, String passwordHash) {}

    /** What stopped a new member or a change of name or email. */
    public enum Clash { NONE, EMAIL, NAME }

    /**
     * Adds an active member; empty when the email or the name is taken (which one is in
     * {@link #clash}; the caller decides what it may say).
     */
    public Optional<Member> add(String name, String email, String passwordHash, Role role) {
        try {
            return insert(name, email, passwordHash, role);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Two sign-ups with one email at once: the unique index refused the second.
            if (clash(name, email, -1) != Clash.NONE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<Member> insert(String name, String email, String passwordHash, Role role) {
        return jdbi.inTransaction(h -> {
            if (clash(h, name, email, -1) != Clash.NONE) {
                return Optional.<Member>empty();
            }
            long id = h.createUpdate("INSERT INTO members (name, name_key, email, email_key, password_hash, role, status, created_at) "
                            + "VALUES (:name, :name_key, :email, :email_key, :hash, :role, 'active', :now)")
                    .bind("name", name).bind("name_key", key(name))
                    .bind("email", email.strip()).bind("email_key", key(email))
                    .bind("hash", passwordHash).bind("role", role.word()).bind("now", clock.millis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return Optional.of(byId(h, id).orElseThrow());
        });
    }

    /** Whether {@code name} or {@code email} belongs to a member other than {@code except}. */
    public Clash clash(String name, String email, long except) {
        return jdbi.withHandle(h -> clash(h, name, email, except));
    }

    private static Clash clash(Handle h, String name, String email, long except) {
        if (email != null && taken(h, "email_key", key(email), except)) {
            return Clash.EMAIL;
        }
        if (name != null && taken(h, "name_key", key(name), except)) {
            return Clash.NAME;
        }
        return Clash.NONE;
    }

    private static boolean taken(Handle h, String column, String value, long except) {
        return h.createQuery("SELECT COUNT(*) FROM members WHERE " + column + " = :v AND id <> :except")
                .bind("v", value).bind("except", except).mapTo(Integer.class).one() > 0;
    }

    public Optional<Member> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    /** {@link #byId(long)} inside the caller's transaction. */
    public static Optional<Member> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM members WHERE id = :id").bind("id", id).map(MEMBER).findOne();
    }

    /** Members' names by id, in one query; unknown ids are left out. */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name FROM members WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("name")))
                .forEach(e -> names.put(e.getKey(), e.getValue())));
        return names;
    }

    public Optional<Member> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM members WHERE email_key = :k")
                .bind("k", key(email)).map(MEMBER).findOne());
    }

    public Optional<Member> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM members WHERE name_key = :k")
                .bind("k", key(name)).map(MEMBER).findOne());
    }

    /** The member with this email and their password hash, for a log-in. */
    public Optional<Credentials> credentials(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", password_hash FROM members WHERE email_key = :k")
                .bind("k", key(email))
                .map((rs, ctx) -> new Credentials(MEMBER.map(rs, ctx), rs.getString("password_hash"))).findOne());
    }

    /** The stored password hash of member {@code id}, for a change that asks the current password. */
    public Optional<String> passwordHash(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM members WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    /** Every member, oldest first. */
    public List<Member> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM members ORDER BY id").map(MEMBER).list());
    }

    public void setPasswordHash(long id, String hash) {
        update("UPDATE members SET password_hash = :v WHERE id = :id", id, hash);
    }

    public void setRole(long id, Role role) {
        update("UPDATE members SET role = :v WHERE id = :id", id, role.word());
    }

    public void setStatus(long id, MemberStatus status) {
        update("UPDATE members SET status = :v WHERE id = :id", id, status.word());
    }

    /** Renames a member; false when another member has the name. Pages that showed the old name are told ({@link NameChanges}). */
    public boolean rename(long id, String name) {
        return jdbi.inTransaction(h -> {
            if (taken(h, "name_key", key(name), id)) {
                return false;
            }
            h.createUpdate("UPDATE members SET name = :name, name_key = :k WHERE id = :id")
                    .bind("name", name).bind("k", key(name)).bind("id", id).execute();
            names.changed(h, id);
            return true;
        });
    }

    /**
     * Changes a member's email, not verified (a site that sends no mail cannot verify it); false
     * when another member has it.
     */
    public boolean changeEmail(long id, String email) {
        return jdbi.inTransaction(h -> setEmail(h, id, email, null));
    }

    /**
     * Makes {@code email}, just verified, the member's address (the one they had, or the new one they
     * asked for); false when another member took it meanwhile, or the member's account is deleted.
     */
    boolean verifiedEmail(Handle h, long id, String email) {
        boolean deleted = h.createQuery("SELECT COUNT(*) FROM members WHERE id = :id AND status = 'deleted'")
                .bind("id", id).mapTo(Integer.class).one() > 0;
        return !deleted && setEmail(h, id, email, clock.millis());
    }

    private static boolean setEmail(Handle h, long id, String email, Long verifiedAt) {
        if (taken(h, "email_key", key(email), id)) {
            return false;
        }
        h.createUpdate("UPDATE members SET email = :email, email_key = :k, email_verified_at = :verified WHERE id = :id")
                .bind("email", email.strip()).bind("k", key(email)).bind("verified", verifiedAt).bind("id", id).execute();
        return true;
    }

    /** Takes the operator's word that a member's current address is theirs ({@code user add --verified}). */
    public void markVerified(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE members SET email_verified_at = :now WHERE id = :id AND email IS NOT NULL")
                .bind("now", clock.millis()).bind("id", id).execute());
    }

    /**
     * Deletes an account the way {@code /settings} does: the row stays, so that what the member
     * wrote keeps an author, but it is anonymised (name {@value Member#DELETED_NAME}, no email, no
     * password, status deleted), and its sessions and API tokens are removed. Pages that showed the
     * name are told ({@link NameChanges}).
     */
    public void anonymise(long id) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE members SET name = :name, name_key = NULL, email = NULL, email_key = NULL, "
                    + "password_hash = NULL, email_verified_at = NULL, status = 'deleted', role = 'member' WHERE id = :id")
                    .bind("name", Member.DELETED_NAME).bind("id", id).execute();
            h.createUpdate("DELETE FROM sessions WHERE member_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM api_tokens WHERE member_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM email_tokens WHERE member_id = :id").bind("id", id).execute();
            names.changed(h, id);
        });
    }

    private void update(String sql, long id, String value) {
        jdbi.useHandle(h -> h.createUpdate(sql).bind("v", value).bind("id", id).execute());
    }

    /** An email or name as compared: stripped and in lower case. */
    static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
