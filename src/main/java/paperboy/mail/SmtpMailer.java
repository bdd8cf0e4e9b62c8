package paperboy.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import paperboy.config.SmtpServer;

/**
 * One connection to the SMTP server, opened at the first send and kept across sends (a sender
 * thread sends many mails through it), opened again when it was lost. Every failure is classified
 * by how far the transaction went and the server's reply code (see {@link Delivery.Status}).
 */
final class SmtpMailer implements Mailer {
    private final SmtpServer server;
    private final MimeComposer composer;
    private final Session session;
    private SmtpSession connection;

    SmtpMailer(SmtpServer server, MimeComposer composer, SmtpTimeouts timeouts, SSLSocketFactory tls) {
        this.server = server;
        this.composer = composer;
        this.session = Session.getInstance(properties(server, timeouts, tls));
    }

    private static Properties properties(SmtpServer server, SmtpTimeouts timeouts, SSLSocketFactory tls) {
        boolean implicitTls = server.security() == SmtpServer.Security.IMPLICIT_TLS;
        String prefix = implicitTls ? "mail.smtps." : "mail.smtp.";
        Properties p = new Properties();
        p.put(prefix + "connectiontimeout", millis(timeouts.connect()));
        p.put(prefix + "timeout", millis(timeouts.read()));
        p.put(prefix + "writetimeout", millis(timeouts.write()));
        p.put(prefix + "auth", Boolean.toString(server.authenticates()));
        p.put(prefix + "ssl.checkserveridentity", "true");
        p.put(prefix + "quitwait", "false");
        if (!implicitTls) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required",
                    Boolean.toString(server.security() == SmtpServer.Security.STARTTLS_REQUIRED));
        }
        if (tls != null) {
            p.put(prefix + "ssl.socketFactory", tls);
        }
        return p;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    @Override
    public Delivery send(Mail mail) {
        MimeMessage message;
        try {
            message = composer.compose(mail);
        } catch (RuntimeException e) {
            return Delivery.temporary(0, "could not compose " + mail.messageIdHeader() + ": " + e.getMessage());
        }
        boolean reused = connection != null;
        Delivery delivery = attempt(message);
        if (reused && delivery.status() == Delivery.Status.TEMPORARY && delivery.code() == 0 && connection == null) {
            // the kept connection had been dropped by the server while idle, before this mail went
            delivery = attempt(message);
        }
        return delivery;
    }

    private Delivery attempt(MimeMessage message) {
        try {
            connect();
        } catch (MessagingException e) {
            drop();
            return Delivery.temporary(codeOf(e), "cannot connect to " + server + ": " + describe(e));
        }
        connection.startTransaction();
        try {
            connection.sendMessage(message, message.getAllRecipients());
            return Delivery.sent(connection.getLastReturnCode(), connection.getLastServerResponse().strip());
        } catch (MessagingException e) {
            Delivery delivery = classify(connection.step(), e);
            if (delivery.code() <= 0) {
                drop(); // no reply: the connection is gone or in an unknown state
            }
            return delivery;
        }
    }

    private void connect() throws MessagingException {
        if (connection == null) {
            SmtpSession fresh = new SmtpSession(session, server.security() == SmtpServer.Security.IMPLICIT_TLS);
            fresh.connect(server.host(), server.port(), server.authenticates() ? server.user() : null,
                    server.authenticates() ? server.password() : null);
            connection = fresh;
        }
    }

    /** What a failed transaction means, from how far it went and the server's reply. */
    static Delivery classify(SmtpSession.Step step, MessagingException e) {
        int code = codeOf(e);
        String reason = describe(e);
        return switch (step) {
            case CONNECTION, SENDER -> Delivery.temporary(code, (step == SmtpSession.Step.SENDER
                    ? "the server refused the sender: " : "") + reason);
            case RECIPIENT, DATA_COMMAND -> code >= 500 ? Delivery.permanent(code, reason) : Delivery.temporary(code, reason);
            case CONTENT -> Delivery.temporary(code, "cut while sending the message: " + reason);
            case END_OF_DATA -> code >= 500 ? Delivery.permanent(code, reason)
                    : code >= 400 ? Delivery.temporary(code, reason)
                    : Delivery.inDoubt("no reply after the end of the data, the mail may have arrived: " + reason);
        };
    }

    /** The SMTP reply code the failure carries, 0 when there was no reply (or it was cut: -1). */
    static int codeOf(MessagingException e) {
        for (Exception cause = e; cause != null; cause = next(cause)) {
            int code = switch (cause) {
                case SMTPAddressFailedException f -> f.getReturnCode();
                case SMTPSenderFailedException f -> f.getReturnCode();
                case SMTPSendFailedException f -> f.getReturnCode();
                default -> 0;
            };
            if (code != 0) {
                return Math.max(code, 0);
            }
        }
        return 0;
    }

    private static Exception next(Exception e) {
        if (e instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return e.getCause() instanceof Exception cause && cause != e ? cause : null;
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder();
        for (Exception cause = e; cause != null; cause = next(cause)) {
            String message = cause instanceof AuthenticationFailedException ? "login refused: " + cause.getMessage()
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            String line = message.strip().replaceAll("\\s+", " ");
            if (!line.isEmpty() && text.indexOf(line) < 0) {
                text.append(text.isEmpty() ? "" : "; ").append(line);
            }
        }
        return text.toString();
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the connection is gone anyway
            }
            connection = null;
        }
    }

    /** QUIT, without waiting for the reply. */
    @Override
    public void close() {
        drop();
    }
}
