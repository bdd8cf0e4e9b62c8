package paperboy.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH} (hashing cost is bounded, and nobody types more), not one of the bundled
 * common passwords ({@code account/common-passwords.txt}, see the README beside it), and not the
 * member's own email address or name.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private final Set<String> common;

    private PasswordRules(Set<String> common) {
        this.common = common;
    }

    /** The rules with the bundled list. */
    public static PasswordRules bundled() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("the bundled list account/common-passwords.txt is missing from the build");
            }
            Set<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            return new PasswordRules(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code password} for this member, in words for the form; empty when it is fine. */
    public Optional<String> problem(String password, String email, String name) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Choose a password of at most " + MAX_LENGTH + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("That password is on the list of the most common passwords; choose another.");
        }
        if (folded.equals(fold(email)) || folded.equals(fold(name))) {
            return Optional.of("Choose a password that is not your email address or name.");
        }
        if (folded.chars().distinct().count() < 3) {
            return Optional.of("Choose a password with more than two different characters.");
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
