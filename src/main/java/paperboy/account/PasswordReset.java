package paperboy.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A forgotten password, set again through a mail: the link carries a single-use token that works
 * for {@link #LIFETIME}, only while the address it went to is still the member's. Asking looks the
 * same, and takes the same time, whether or not the address has an account (all the work is done on
 * the mail thread); an active member's address gets one, verified or not. Setting the password spends the token, ends
 * every other reset token, every session and every API token of the member, and takes the address as verified (the link reached it);
 * it changes nothing else: a member banned or disabled meanwhile stays so. Mailing unverified addresses too is what
 * lets the owner of an address take back an account that someone else opened with it.
 */
public final class PasswordReset {
    static final Duration LIFETIME = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Accounts accounts;
    private final EmailTokens tokens = new EmailTokens();
    private final AccountMail mail;
    private final EmailVerification verification;
    private final Clock clock;

    public PasswordReset(Jdbi jdbi, Accounts accounts, AccountMail mail, EmailVerification verification, Clock clock) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.mail = mail;
        this.verification = verification;
        this.clock = clock;
    }

    /** Whether reset mails go out at all (not without {@code PAPERBOY_BASE_URL}). */
    public boolean sends() {
        return mail.isOn();
    }

    /**
     * Mails a reset link to {@code email} when it is an active member's address; else
     * nothing. Returns at once: the looking up and the token are done on the mail thread, so the
     * asker's answer takes the same time whatever the address is.
     */
    public void ask(String email) {
        mail.resetWhenFound("password reset", () -> accounts.members().byEmail(email)
                .filter(Member::isActive)
                .map(m -> new AccountMail.ResetLink(m.email(), m.name(), jdbi.inTransaction(h ->
                        tokens.issue(h, m.id(), EmailTokens.Purpose.RESET, m.email(), LIFETIME, clock.instant())))));
    }

    /** The member whose link this is, while it works (the page with the new-password form). */
    public Optional<Member> holder(String token) {
        return jdbi.withHandle(h -> tokens.usable(h, token, EmailTokens.Purpose.RESET, clock.instant()))
                .flatMap(this::stillTheirs);
    }

    /** The member when the address the link went to is still theirs. */
    private Optional<Member> stillTheirs(EmailTokens.Holder held) {
        return accounts.members().byId(held.memberId())
                .filter(m -> m.email() != null && Members.key(m.email()).equals(Members.key(held.email())));
    }

    /** What setting a password through a link did. */
    public sealed interface Outcome {
        /** The password is set; every session of the member has ended. */
        record Done(Member member) implements Outcome {}

        /** The password breaks a rule: the form again, the link still good. */
        record Problem(String problem) implements Outcome {}

        /** The link was used, has expired, or never was one. */
        record Refused() implements Outcome {}
    }

    /** Sets {@code password} for the link's member and spends the link. */
    public Outcome reset(String token, String password) {
        Optional<Member> member = holder(token);
        if (member.isEmpty()) {
            return new Outcome.Refused();
        }
        Member m = member.get();
        Optional<String> problem = accounts.rules().problem(password, m.email(), m.name());
        if (problem.isPresent()) {
            return new Outcome.Problem(problem.get());
        }
        String hash = accounts.passwords().hash(password); // before the transaction: a hash takes a while
        boolean spent = jdbi.inTransaction(h -> {
            Optional<EmailTokens.Holder> held = tokens.spend(h, token, EmailTokens.Purpose.RESET, clock.instant());
            if (held.isEmpty() || held.get().memberId() != m.id()) {
                return false;
            }
            tokens.endAll(h, m.id(), EmailTokens.Purpose.RESET, clock.instant());
            return true;
        });
        if (!spent) {
            return new Outcome.Refused(); // spent by another request meanwhile
        }
        accounts.members().setPasswordHash(m.id(), hash);
        accounts.sessions().endAll(m.id());
        accounts.tokens().revokeAll(m.id()); // whoever had the account may have made some
        if (!m.verified()) {
            verification.verifiedByReset(m);
        }
        return new Outcome.Done(m);
    }
}
