package paperboy.subscription;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subscriber's address, normalised (trimmed, lower case) so that one mailbox is one row. Refuses
 * what could not be a mailbox or could break a mail header (spaces, control characters, a second
 * {@code @}); the mail server has the last word, by bouncing.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    public EmailAddress {
        if (value == null) {
            throw new InvalidEmail("an email address is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidEmail("an email address is required");
        }
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidEmail("\"" + shorten(value) + "\" is not an email address");
        }
    }

    public static EmailAddress of(String text) {
        return new EmailAddress(text);
    }

    /** The domain part, after the {@code @}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    @Override
    public String toString() {
        return value;
    }

    /** An address that is not one; its message says why, for the page or the command line. */
    public static final class InvalidEmail extends IllegalArgumentException {
        public InvalidEmail(String message) {
            super(message);
        }
    }
}
