package paperboy.account;

import java.util.Locale;
import java.util.Optional;
import paperboy.subscription.EmailAddress;

/** What a display name and an email address must be, in words the forms show. */
public final class AccountForms {
    public static final int MAX_NAME = 40;
    public static final int MAX_EMAIL = EmailAddress.MAX_LENGTH;

    private AccountForms() {}

    /** What is wrong with a display name; empty when it is fine. Names are shown escaped, so any printable text will do. */
    public static Optional<String> nameProblem(String name) {
        String n = name == null ? "" : name.strip();
        int length = n.codePointCount(0, n.length());
        if (length < 2 || length > MAX_NAME) {
            return Optional.of("Choose a display name of 2 to " + MAX_NAME + " characters.");
        }
        if (n.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return Optional.of("A display name is one line of text.");
        }
        if (n.toLowerCase(Locale.ROOT).equals(Member.DELETED_NAME)) {
            return Optional.of("That display name is kept for deleted accounts.");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with an email address; empty when it is one by the rule every address is held to,
     * {@link EmailAddress}'s (nothing is sent to it yet). An account's address is the one its digest
     * goes to, so one the digest would refuse is refused here too.
     */
    public static Optional<String> emailProblem(String email) {
        try {
            EmailAddress.of(email);
            return Optional.empty();
        } catch (EmailAddress.InvalidEmail e) {
            return Optional.of("Enter an email address like name@example.org.");
        }
    }
}
