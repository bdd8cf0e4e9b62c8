package paperboy.mail;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one-off mails (a subscription's confirmation, an account's verification or password
 * reset) on a thread of its own, so that the page that caused one answers at once, and in the same
 * time whether a mail went out or not: that is what keeps such pages from telling who has an
 * account or a subscription. A mail that cannot be sent is logged; the page says the visitor may
 * ask again. At most {@value #WAITING} wait; more are dropped (and logged).
 */
public final class MailQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);
    static final int WAITING = 1000;

    private final MailTransport transport;
    private final ThreadPoolExecutor sender;

    /** @param name the sending thread's name, for logs and thread dumps */
    public MailQueue(MailTransport transport, String name) {
        this.transport = transport;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WAITING), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The sender every mail carries. */
    public Address from() {
        return transport.from();
    }

    /** Queues {@code mail}; returns at once. */
    public void send(Mail mail) {
        queue(() -> deliver(mail), mail.subject() + " to " + mail.to().email());
    }

    /**
     * Queues the making of a mail, which may find there is none to send: the caller returns at
     * once, in the same time whatever the making finds (a password reset asked for an address that
     * has no account does nothing, out of sight of the asker).
     */
    public void sendWhenMade(Supplier<Optional<Mail>> make, String what) {
        queue(() -> {
            try {
                make.get().ifPresent(this::deliver);
            } catch (RuntimeException e) {
                log.warn("mail {} could not be made", what, e);
            }
        }, what);
    }

    private void queue(Runnable work, String what) {
        try {
            sender.execute(work);
        } catch (RejectedExecutionException e) {
            log.warn("mail {} dropped: {} are waiting already", what, WAITING);
        }
    }

    private void deliver(Mail mail) {
        try (Mailer mailer = transport.open()) {
            Delivery delivery = mailer.send(mail);
            if (!delivery.isSent()) {
                log.warn("mail {} to {} not sent: {}", mail.subject(), mail.to().email(), delivery);
            }
        } catch (RuntimeException e) {
            log.warn("mail {} to {} failed", mail.subject(), mail.to().email(), e);
        }
    }

    /** Waits briefly for the mails queued so far. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
    }
}
