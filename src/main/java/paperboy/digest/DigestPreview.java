package paperboy.digest;

import java.time.LocalDate;
import java.util.Optional;
import paperboy.mail.Mail;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;

/**
 * What {@code /digest/preview} shows: an edition's mail as an address would get it. Served to
 * admins wherever the site sends mail, and also to the machine's own browser where mail goes to
 * {@code .eml} files (a laptop install, {@link #openToThisMachine}); {@link #OFF} without a base URL.
 */
public interface DigestPreview {
    DigestPreview OFF = new DigestPreview() {
        @Override
        public boolean isOn() {
            return false;
        }

        @Override
        public LocalDate lastDue(Frequency kind) {
            throw new IllegalStateException("preview is off");
        }

        @Override
        public Optional<Mail> copy(LocalDate day, Frequency kind, EmailAddress to) {
            return Optional.empty();
        }
    };

    boolean isOn();

    /** Whether a browser on this machine that is no admin may see it too (mail goes to .eml files). */
    default boolean openToThisMachine() {
        return false;
    }

    LocalDate lastDue(Frequency kind);

    /** The edition's mail to {@code to}; empty when it would hold no paper. */
    Optional<Mail> copy(LocalDate day, Frequency kind, EmailAddress to);
}
