package paperboy.mail;

import javax.net.ssl.SSLSocketFactory;
import paperboy.config.SmtpServer;

/** Mail through an SMTP server ({@code PAPERBOY_SMTP_URL}). */
final class SmtpTransport implements MailTransport {
    private final SmtpServer server;
    private final Address from;
    private final MimeComposer composer;

    private final SmtpTimeouts timeouts;
    private final SSLSocketFactory tls;

    SmtpTransport(SmtpServer server, Address from, MimeComposer composer) {
        this(server, from, composer, SmtpTimeouts.DEFAULTS, null);
    }

    /** With other timeouts, and TLS that trusts what {@code tls} trusts (null: the JDK's trusted authorities). */
    SmtpTransport(SmtpServer server, Address from, MimeComposer composer, SmtpTimeouts timeouts, SSLSocketFactory tls) {
        this.server = server;
        this.from = from;
        this.composer = composer;
        this.timeouts = timeouts;
        this.tls = tls;
    }

    @Override
    public Mailer open() {
        return new SmtpMailer(server, composer, timeouts, tls);
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
