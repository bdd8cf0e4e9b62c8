package paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail's SMTP transport, which also notes how far the current transaction went, through
 * the protected steps that the transport offers subclasses for this. That is what tells a mail the
 * server refused from one that may have arrived: only after the final dot of the data is a lost
 * reply in doubt.
 */
final class SmtpSession extends SMTPTransport {

    /** How far the current transaction went. */
    enum Step {
        /** Connecting, TLS, login; or between transactions. */
        CONNECTION,
        /** MAIL FROM sent. */
        SENDER,
        /** RCPT TO sent. */
        RECIPIENT,
        /** DATA sent, awaiting 354. */
        DATA_COMMAND,
        /** The message is being written; the server must drop it if the connection ends now. */
        CONTENT,
        /** The final dot written or being written: the server may have taken the message. */
        END_OF_DATA
    }

    private Step step = Step.CONNECTION;

    SmtpSession(Session session, boolean implicitTls) {
        super(session, new URLName(implicitTls ? "smtps" : "smtp", null, -1, null, null, null),
                implicitTls ? "smtps" : "smtp", implicitTls);
    }

    Step step() {
        return step;
    }

    /** Before each transaction: nothing of the next message has gone yet. */
    void startTransaction() {
        step = Step.CONNECTION;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        step = Step.SENDER;
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        step = Step.RECIPIENT;
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        step = Step.DATA_COMMAND;
        OutputStream out = super.data();
        step = Step.CONTENT;
        return out;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        step = Step.END_OF_DATA;
        super.finishData();
    }
}
