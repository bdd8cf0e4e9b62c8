package paperboy.account;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made the current request: {@link #anonymous()} or a member, found from the session cookie
 * or, on {@code /api/} routes, from an API token. Routes get it with {@link Visitors#of}.
 * A banned or disabled member is never a visitor (their sessions are ended and refused), so
 * {@link #can} is the whole check a route needs.
 */
public final class Visitor {
    /** How the member proved who they are on this request. */
    public enum Proof { NONE, SESSION, API_TOKEN }

    private static final Visitor ANONYMOUS = new Visitor(null, Proof.NONE, null);

    private final Member member;
    private final Proof proof;
    private final String sessionHash; // of the session cookie; binds the CSRF token; null otherwise

    private Visitor(Member member, Proof proof, String sessionHash) {
        this.member = member;
        this.proof = proof;
        this.sessionHash = sessionHash;
    }

    public static Visitor anonymous() {
        return ANONYMOUS;
    }

    static Visitor bySession(Member member, String sessionHash) {
        return new Visitor(Objects.requireNonNull(member), Proof.SESSION, Objects.requireNonNull(sessionHash));
    }

    static Visitor byApiToken(Member member) {
        return new Visitor(Objects.requireNonNull(member), Proof.API_TOKEN, null);
    }

    public Optional<Member> member() {
        return Optional.ofNullable(member);
    }

    public boolean isMember() {
        return member != null;
    }

    /** True when the visitor is an active member whose role includes {@code role}. */
    public boolean can(Role role) {
        return member != null && member.isActive() && member.role().includes(role);
    }

    public Proof proof() {
        return proof;
    }

    /** The member's display name, or null for an anonymous visitor (for templates). */
    public String name() {
        return member == null ? null : member.name();
    }

    String sessionHash() {
        return sessionHash;
    }

    @Override
    public String toString() {
        return member == null ? "anonymous" : "member " + member.id() + " (" + proof + ")";
    }
}
