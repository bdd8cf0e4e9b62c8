package paperboy.account;

import java.time.Duration;
import paperboy.http.Throttle;

/**
 * How often log-ins and sign-ups may be tried (docs: README, Security). A log-in attempt takes one
 * from its client address's bucket and one from its email's; a successful log-in gives the email
 * its bucket back. Refused attempts are answered 429 with {@code Retry-After} before any password
 * is hashed, and whether the email has an account changes nothing.
 *
 * @param logInsPerAddress  attempts from one client address
 * @param logInsPerAccount  attempts at one email address, from anywhere
 * @param signUpsPerAddress sign-ups from one client address
 */
public record AccountLimits(Throttle logInsPerAddress, Throttle logInsPerAccount, Throttle signUpsPerAddress) {
    /**
     * 50 log-ins per address (a lab behind one address logs in together) and 10 per email in 15
     * minutes; 10 sign-ups per address an hour.
     */
    public static AccountLimits defaults() {
        return new AccountLimits(
                new Throttle("log-ins from this address", 50, Duration.ofMinutes(15)),
                new Throttle("log-ins to this account", 10, Duration.ofMinutes(15)),
                new Throttle("sign-ups from this address", 10, Duration.ofHours(1)));
    }

    /** No limits (tests of other rules). */
    public static AccountLimits off() {
        return new AccountLimits(Throttle.off(), Throttle.off(), Throttle.off());
    }
}
