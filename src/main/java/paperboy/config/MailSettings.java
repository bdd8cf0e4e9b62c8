package paperboy.config;

import java.util.Optional;

/**
 * How Paperboy sends mail.
 *
 * @param smtp the SMTP server ({@code PAPERBOY_SMTP_URL}); empty when unset, and then mail is
 *             written as {@code .eml} files under {@code DATA/mail/} instead of being sent
 * @param from the sender ({@code PAPERBOY_MAIL_FROM}) as an RFC 5322 address, with or without a
 *             display name: {@code Paperboy <papers@example.org>}; required with SMTP, and
 *             {@link #DEFAULT_FROM} for the {@code .eml} files otherwise
 * @param dkim DKIM signing, or empty for none
 */
public record MailSettings(Optional<SmtpServer> smtp, String from, Optional<DkimSettings> dkim) {
    /** The sender of {@code .eml} files when {@code PAPERBOY_MAIL_FROM} is unset. */
    public static final String DEFAULT_FROM = "Paperboy <paperboy@localhost>";

    /** No SMTP server: mail goes to {@code .eml} files, unsigned, from {@link #DEFAULT_FROM}. */
    public static final MailSettings FILES = new MailSettings(Optional.empty(), DEFAULT_FROM, Optional.empty());

    public MailSettings {
        smtp = smtp == null ? Optional.empty() : smtp;
        dkim = dkim == null ? Optional.empty() : dkim;
        from = from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
    }

    /** The same settings sending through {@code server}. */
    public MailSettings withSmtp(SmtpServer server) {
        return new MailSettings(Optional.of(server), from, dkim);
    }

    public MailSettings withFrom(String newFrom) {
        return new MailSettings(smtp, newFrom, dkim);
    }

    public MailSettings withDkim(DkimSettings newDkim) {
        return new MailSettings(smtp, from, Optional.ofNullable(newDkim));
    }
}
