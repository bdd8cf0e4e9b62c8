package paperboy.mail;

import java.time.Duration;

/**
 * How long the SMTP transport waits: to connect, for each reply, for each write.
 *
 * @param connect until the server accepts the connection
 * @param read    for each reply (the one after the end of the data may take the server a while)
 * @param write   for each write to the server
 */
record SmtpTimeouts(Duration connect, Duration read, Duration write) {
    /** 10 s to connect, 60 s for a reply or a write. */
    static final SmtpTimeouts DEFAULTS = new SmtpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
}
