package paperboy.mail;

import paperboy.config.SmtpServer;

/** Mail through an SMTP server ({@code PAPERBOY_SMTP_URL}). */
final class SmtpTransport implements MailTransport {
    private final SmtpServer server;
    private final Address from;
    private final MimeComposer composer;

    SmtpTransport(SmtpServer server, Address from, MimeComposer composer) {
        this.server = server;
        this.from = from;
        this.composer = composer;
    }

    @Override
    public Mailer open() {
        return new SmtpMailer(server, composer);
    }

    @Override
    public Address from() {
        return from;
    }

    @Override
    public String describe() {
        return server.toString();
    }
}
