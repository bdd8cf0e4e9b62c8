package paperboy.mail;

import paperboy.config.SmtpServer;

/** One connection to the SMTP server, kept across sends. (Being built: every send is TEMPORARY for now.) */
final class SmtpMailer implements Mailer {
    private final SmtpServer server;
    private final MimeComposer composer;

    SmtpMailer(SmtpServer server, MimeComposer composer) {
        this.server = server;
        this.composer = composer;
    }

    @Override
    public Delivery send(Mail mail) {
        composer.compose(mail);
        return Delivery.temporary(0, "SMTP sending is not built yet (" + server + ")");
    }

    @Override
    public void close() {
    }
}
