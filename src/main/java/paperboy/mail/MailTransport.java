package paperboy.mail;

import java.nio.file.Path;
import paperboy.config.Config;
import paperboy.config.MailSettings;

/**
 * Where mail goes: an SMTP server ({@code PAPERBOY_SMTP_URL}) or, without one, {@code .eml} files
 * under {@code DATA/mail/}. Safe to share between threads; each sender thread opens its own
 * {@link Mailer}.
 */
public interface MailTransport {

    /** A mailer for one thread; close it when done. */
    Mailer open();

    /** The sender every mail carries ({@code PAPERBOY_MAIL_FROM}). */
    Address from();

    /** For the log and the operator: {@code smtp://user:(set)@host:587} or the .eml folder. */
    String describe();

    /** Whether mail goes to {@code .eml} files on this machine rather than to anyone's inbox. */
    default boolean writesFiles() {
        return false;
    }

    /** The transport the config names: SMTP when {@code PAPERBOY_SMTP_URL} is set, else the {@code .eml} folder. */
    static MailTransport of(Config config) {
        return of(config.mail(), config.mailDir());
    }

    static MailTransport of(MailSettings settings, Path mailDir) {
        MimeComposer composer = new MimeComposer(settings.dkim());
        Address from = Address.parse(settings.from());
        return settings.smtp()
                .<MailTransport>map(server -> new SmtpTransport(server, from, composer))
                .orElseGet(() -> new EmlFiles(mailDir, from, composer));
    }
}
