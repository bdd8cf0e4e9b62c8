package paperboy.digest;

import java.time.LocalDate;
import java.util.Optional;
import paperboy.mail.Mail;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;

/**
 * What {@code /digest/preview} shows: an edition's mail as an address would get it. Served only
 * where mail goes to {@code .eml} files (a laptop install) and to the machine's own browser;
 * {@link #OFF} elsewhere, until accounts let admins see it.
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

    LocalDate lastDue(Frequency kind);

    /** The edition's mail to {@code to}; empty when it would hold no paper. */
    Optional<Mail> copy(LocalDate day, Frequency kind, EmailAddress to);
}
