package paperboy.account;

import java.time.Duration;
import paperboy.http.Throttle;

/**
 * How often log-ins, sign-ups and account mails may be asked for (docs: README, Security). A log-in
 * attempt takes one from its client address's bucket and one from its email's; a successful log-in
 * gives the email its bucket back. Refused attempts are answered 429 with {@code Retry-After}
 * before any password is hashed or mail sent, and whether the email has an account changes nothing.
 *
 * @param logInsPerAddress  attempts from one client address
 * @param logInsPerAccount  attempts at one email address, from anywhere
 * @param signUpsPerAddress sign-ups from one client address
 * @param resetsPerAddress  password reset mails asked for, and new passwords set through a link, from one client address
 * @param resetsPerEmail    password reset mails asked for one email address, from anywhere
 * @param verificationMails verification mails a member asks for again from {@code /settings}
 */
public record AccountLimits(Throttle logInsPerAddress, Throttle logInsPerAccount, Throttle signUpsPerAddress,
        Throttle resetsPerAddress, Throttle resetsPerEmail, Throttle verificationMails) {

    /** These log-in and sign-up limits, with the default limits on account mails. */
    public AccountLimits(Throttle logInsPerAddress, Throttle logInsPerAccount, Throttle signUpsPerAddress) {
        this(logInsPerAddress, logInsPerAccount, signUpsPerAddress, defaultResetsPerAddress(), defaultResetsPerEmail(), defaultVerificationMails());
    }

    /**
     * 50 log-ins per address (a lab behind one address logs in together) and 10 per email in 15
     * minutes; 10 sign-ups per address an hour; 10 password resets per address and 3 per email an
     * hour; 3 verification mails asked for again per member an hour.
     */
    public static AccountLimits defaults() {
        return new AccountLimits(
                new Throttle("log-ins from this address", 50, Duration.ofMinutes(15)),
                new Throttle("log-ins to this account", 10, Duration.ofMinutes(15)),
                new Throttle("sign-ups from this address", 10, Duration.ofHours(1)));
    }

    /** No limits (tests of other rules). */
    public static AccountLimits off() {
        return new AccountLimits(Throttle.off(), Throttle.off(), Throttle.off(), Throttle.off(), Throttle.off(), Throttle.off());
    }

    private static Throttle defaultResetsPerAddress() {
        return new Throttle("password resets from this address", 10, Duration.ofHours(1));
    }

    private static Throttle defaultResetsPerEmail() {
        return new Throttle("password reset mails to this address", 3, Duration.ofHours(1));
    }

    private static Throttle defaultVerificationMails() {
        return new Throttle("verification mails to this account", 3, Duration.ofHours(1));
    }
}
