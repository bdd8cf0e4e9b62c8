package paperboy.account;

import java.util.Locale;
import java.util.Optional;

/** What a display name and an email address must be, in words the forms show. */
public final class AccountForms {
    public static final int MAX_NAME = 40;
    public static final int MAX_EMAIL = 254;

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

    /** What is wrong with an email address; empty when it looks like one (nothing is sent to it yet). */
    public static Optional<String> emailProblem(String email) {
        String e = email == null ? "" : email.strip();
        int at = e.lastIndexOf('@');
        boolean shaped = e.length() <= MAX_EMAIL && at > 0 && at == e.indexOf('@')
                && e.indexOf('.', at) > at + 1 && !e.endsWith(".")
                && e.chars().noneMatch(c -> c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"');
        return shaped ? Optional.empty() : Optional.of("Enter an email address like name@example.org.");
    }
}
