package paperboy.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * A mailbox: an address and an optional display name.
 *
 * @param email the address, {@code local@domain}
 * @param name  the display name, empty for none
 */
public record Address(String email, String name) {

    public Address {
        name = name == null ? "" : name.strip();
        if (email == null || !valid(email)) {
            throw new IllegalArgumentException("not a mail address: " + email);
        }
    }

    /** An address without a display name. */
    public static Address of(String email) {
        return new Address(email, "");
    }

    /**
     * Parses {@code papers@example.org} or {@code Paperboy <papers@example.org>} (RFC 5322, strictly).
     *
     * @throws IllegalArgumentException when it is not one address
     */
    public static Address parse(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            return new Address(address.getAddress(), address.getPersonal());
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a mail address: " + text, e);
        }
    }

    private static boolean valid(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            int at = email.lastIndexOf('@');
            return address.getAddress().equals(email) && at > 0 && at < email.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }

    InternetAddress internet() {
        try {
            return name.isEmpty() ? new InternetAddress(email) : new InternetAddress(email, name, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("checked at construction", e);
        }
    }

    /** The domain part, after the last {@code @}. */
    public String domain() {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** As in a header, the name quoted when it needs to be: {@code "Paperboy" <papers@example.org>}. */
    @Override
    public String toString() {
        return internet().toUnicodeString();
    }
}
