package paperboy.mail;

/**
 * Sends mail, one at a time: an open connection to the SMTP server (kept across sends and opened
 * again when lost), or the {@code .eml} folder. Not safe for use by several threads at once: each
 * sender thread opens its own from {@link MailTransport#open()}.
 */
public interface Mailer extends AutoCloseable {

    /** Sends one mail and says what became of it; never throws for a failure to deliver. */
    Delivery send(Mail mail);

    /** Closes the connection (QUIT), if one is open. */
    @Override
    void close();
}
