package paperboy.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signing up, logging in and changing what a member holds dear (password, email, name), without
 * HTTP: the rules the forms of {@link AccountRoutes} and the {@code user} command share.
 *
 * <p>Nothing here tells whether an email has an account: a sign-up with a taken email answers as
 * one with a new email does (and costs the same hash), a log-in with an unknown email fails as a
 * wrong password does (and costs the same hash).
 */
public final class Accounts {
    private final Members members;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final PasswordRules rules;

    public Accounts(Members members, Sessions sessions, ApiTokens tokens, Passwords passwords, PasswordRules rules) {
        this.members = members;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.rules = rules;
    }

    /**
     * Accounts in this store with the default hashing cost and the bundled password rules.
     *
     * @param names told of every change of a member's public name, in its transaction
     */
    public static Accounts inStore(org.jdbi.v3.core.Jdbi jdbi, SessionSettings settings, NameChanges names) {
        java.time.Clock clock = java.time.Clock.systemUTC();
        Members members = new Members(jdbi, clock, names);
        return new Accounts(members, new Sessions(jdbi, clock, settings), new ApiTokens(jdbi, clock),
                Passwords.forThisMachine(), PasswordRules.bundled());
    }

    public Members members() {
        return members;
    }

    public Sessions sessions() {
        return sessions;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    public Passwords passwords() {
        return passwords;
    }

    public PasswordRules rules() {
        return rules;
    }

    /**
     * A sign-up: the problems to show with the form, or none. No problem is said about the email
     * being taken: then nothing is made and the answer is the same as for a new account.
     */
    public List<String> signUp(String name, String email, String password) {
        return signUp(name, email, password, member -> {});
    }

    /** As {@link #signUp(String, String, String)}, handing a member just made (not one whose email was taken) to {@code made}. */
    public List<String> signUp(String name, String email, String password, java.util.function.Consumer<Member> made) {
        List<String> problems = new ArrayList<>();
        AccountForms.nameProblem(name).ifPresent(problems::add);
        AccountForms.emailProblem(email).ifPresent(problems::add);
        rules.problem(password, email, name).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return problems;
        }
        if (members.byName(name).isPresent()) {
            // Names are public (they sign comments), so saying one is taken tells nothing private;
            // it is checked before the email, so that the answer never depends on the email.
            return List.of("That display name is taken; choose another.");
        }
        String hash = passwords.hash(password);
        // Empty when the email is taken: nothing is made, and the answer is the same as for a new account.
        members.add(name.strip(), email.strip(), hash, Role.MEMBER).ifPresent(made);
        return List.of();
    }

    /** How a log-in went. */
    public sealed interface LogIn {
        /** Email and password match an active member. */
        record Welcome(Member member) implements LogIn {}

        /** Unknown email or wrong password: one answer for both. */
        record Refused() implements LogIn {}

        /** The right password of a banned, disabled or deleted account. */
        record Closed(Member member) implements LogIn {}
    }

    /** Checks an email and password; stores a new hash when the parameters changed since it was made. */
    public LogIn logIn(String email, String password) {
        if (email == null || password == null || password.length() > PasswordRules.MAX_LENGTH) {
            return new LogIn.Refused();
        }
        Optional<Members.Credentials> found = members.credentials(email);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.spendOnNobody(password);
            return new LogIn.Refused();
        }
        Members.Credentials credentials = found.get();
        if (!passwords.verify(password, credentials.passwordHash())) {
            return new LogIn.Refused();
        }
        Member member = credentials.member();
        if (!member.isActive()) {
            return new LogIn.Closed(member);
        }
        if (passwords.needsRehash(credentials.passwordHash())) {
            members.setPasswordHash(member.id(), passwords.hash(password));
        }
        return new LogIn.Welcome(member);
    }

    /** True when {@code password} is the member's current one (for changes that ask for it). */
    public boolean isCurrentPassword(Member member, String password) {
        if (password == null || password.length() > PasswordRules.MAX_LENGTH) {
            return false;
        }
        return members.passwordHash(member.id()).map(h -> passwords.verify(password, h)).orElse(false);
    }

    /**
     * Sets a new password (the rules apply) and ends every session of the member but
     * {@code keepSessionHash} (null: every session). Returns the problem, or empty when done.
     */
    public Optional<String> setPassword(Member member, String password, String keepSessionHash) {
        Optional<String> problem = rules.problem(password, member.email(), member.name());
        if (problem.isPresent()) {
            return problem;
        }
        members.setPasswordHash(member.id(), passwords.hash(password));
        if (keepSessionHash == null) {
            sessions.endAll(member.id());
        } else {
            sessions.endOthers(member.id(), keepSessionHash);
        }
        return Optional.empty();
    }

    /** Bans, disables or re-activates a member; anything but active ends their sessions and revokes their tokens. */
    public void setStatus(Member member, MemberStatus status) {
        members.setStatus(member.id(), status);
        if (status != MemberStatus.ACTIVE) {
            sessions.endAll(member.id());
            tokens.revokeAll(member.id());
        }
    }
}
