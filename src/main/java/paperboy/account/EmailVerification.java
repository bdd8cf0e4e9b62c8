package paperboy.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.MemberSubscriptions;

/**
 * Proving that an email address is the member's: a mail with a single-use link that works for
 * {@link #LIFETIME}, sent after a sign-up, after a change of email (to the new address, which
 * becomes the account's only once verified: the old one keeps working until then), and on request
 * from {@code /settings}. A verified address is what password resets and the digest go to; when
 * one is verified, the member's digest subscription follows it ({@link MemberSubscriptions#follow}).
 */
public final class EmailVerification {
    static final Duration LIFETIME = Duration.ofHours(48);

    private final Jdbi jdbi;
    private final Members members;
    private final EmailTokens tokens;
    private final AccountMail mail;
    private final MemberSubscriptions digest;
    private final Clock clock;

    public EmailVerification(Jdbi jdbi, Members members, AccountMail mail, MemberSubscriptions digest, Clock clock) {
        this.jdbi = jdbi;
        this.members = members;
        this.tokens = new EmailTokens();
        this.mail = mail;
        this.digest = digest;
        this.clock = clock;
    }

    /** Whether verification mails go out at all (not without {@code PAPERBOY_BASE_URL}). */
    public boolean sends() {
        return mail.isOn();
    }

    /** Mails a link to verify the member's current address; nothing when it is verified or no mail is sent. */
    public void sendFor(Member member) {
        if (sends() && member.email() != null && !member.verified()) {
            mail.verify(member.email(), member.name(), issue(member, member.email()), false);
        }
    }

    /** A change of email asked for: the link goes to {@code newEmail}; the account keeps its address until it is used. */
    public void sendForChange(Member member, String newEmail) {
        mail.verify(newEmail.strip(), member.name(), issue(member, newEmail.strip()), true);
    }

    /** Mails the latest link again: for the change of address waiting, else for the current address. */
    public void sendAgain(Member member) {
        Optional<String> waiting = waitingChange(member);
        if (waiting.isPresent()) {
            sendForChange(member, waiting.get());
        } else {
            sendFor(member);
        }
    }

    private String issue(Member member, String email) {
        return jdbi.inTransaction(h -> tokens.issue(h, member.id(), EmailTokens.Purpose.VERIFY, email, LIFETIME, clock.instant()));
    }

    /** The new address a change of email waits to have verified, if any. */
    public Optional<String> waitingChange(Member member) {
        return jdbi.withHandle(h -> tokens.waiting(h, member.id(), clock.instant()))
                .filter(email -> member.email() == null || !Members.key(email).equals(Members.key(member.email())));
    }

    /** The address the link's token verifies, while it could still be spent (the page with the button). */
    public Optional<String> addressOf(String token) {
        return jdbi.withHandle(h -> tokens.usable(h, token, EmailTokens.Purpose.VERIFY, clock.instant()))
                .map(EmailTokens.Holder::email);
    }

    /** What a verification link did. */
    public sealed interface Outcome {
        /** The address is the member's now, verified. */
        record Verified(Member member) implements Outcome {}

        /** Another account took the address meanwhile: the link is spent and nothing changed. */
        record Taken() implements Outcome {}

        /** The link was used, has expired, or never was one. */
        record Refused() implements Outcome {}
    }

    /** Spends the token and verifies its address (making it the account's when it was a change of email). */
    public Outcome verify(String token) {
        Outcome outcome = jdbi.inTransaction(h -> {
            Optional<EmailTokens.Holder> held = tokens.spend(h, token, EmailTokens.Purpose.VERIFY, clock.instant());
            if (held.isEmpty()) {
                return new Outcome.Refused();
            }
            if (!members.verifiedEmail(h, held.get().memberId(), held.get().email())) {
                return new Outcome.Taken();
            }
            return new Outcome.Verified(Members.byId(h, held.get().memberId()).orElseThrow());
        });
        if (outcome instanceof Outcome.Verified verified) {
            follow(verified.member());
        }
        return outcome;
    }

    /** Takes a member's current address as verified: a password-reset link mailed to it was used. */
    void verifiedByReset(Member member) {
        if (jdbi.inTransaction(h -> members.verifiedEmail(h, member.id(), member.email()))) {
            follow(member);
        }
    }

    private void follow(Member member) {
        try {
            digest.follow(member.id(), EmailAddress.of(member.email()));
        } catch (EmailAddress.InvalidEmail e) {
            // An address the account took but a mail header may not carry: it has no digest to follow.
        }
    }
}
