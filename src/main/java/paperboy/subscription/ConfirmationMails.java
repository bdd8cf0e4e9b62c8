package paperboy.subscription;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.mail.Address;
import paperboy.mail.Delivery;
import paperboy.mail.Mail;
import paperboy.mail.MailTransport;
import paperboy.mail.Mailer;

/**
 * Sends the double opt-in's confirmation mails on a thread of their own, so that the subscribe
 * page answers at once and in the same time whether a mail went out or not. A mail that cannot be
 * sent is logged; the visitor can ask again (the page says so). {@link #off()} when the site sends
 * no mail ({@code PAPERBOY_BASE_URL} unset).
 */
public class ConfirmationMails implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfirmationMails.class);
    private static final int QUEUE = 1000;

    private final MailTransport transport;
    private final SiteLinks links;
    private final Clock clock;
    private final ThreadPoolExecutor sender;

    public ConfirmationMails(MailTransport transport, SiteLinks links, Clock clock) {
        this.transport = transport;
        this.links = links;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "confirmation-mails");
            t.setDaemon(true);
            return t;
        });
    }

    private ConfirmationMails() {
        this.transport = null;
        this.links = null;
        this.clock = null;
        this.sender = null;
    }

    private static final ConfirmationMails OFF = new ConfirmationMails() {
        @Override
        void send(Subscriptions.Confirmation confirmation) {
            throw new IllegalStateException("this site sends no mail: set PAPERBOY_BASE_URL to let people subscribe");
        }
    };

    /** No mail: subscribing is closed. */
    public static ConfirmationMails off() {
        return OFF;
    }

    public boolean isOn() {
        return this != OFF;
    }

    void send(Subscriptions.Confirmation confirmation) {
        Mail mail = mail(confirmation);
        try {
            sender.execute(() -> deliver(mail));
        } catch (RejectedExecutionException e) {
            log.warn("confirmation mail to {} dropped: {} are waiting already", confirmation.email(), QUEUE);
        }
    }

    private void deliver(Mail mail) {
        try (Mailer mailer = transport.open()) {
            Delivery delivery = mailer.send(mail);
            if (!delivery.isSent()) {
                log.warn("confirmation mail to {} not sent: {}", mail.to().email(), delivery);
            }
        } catch (RuntimeException e) {
            log.warn("confirmation mail to {} failed", mail.to().email(), e);
        }
    }

    Mail mail(Subscriptions.Confirmation confirmation) {
        String link = links.confirm(confirmation.token());
        String what = confirmation.frequency() == Frequency.WEEKLY ? "weekly (on Mondays)" : "daily (on weekdays)";
        String text = "Someone, probably you, asked for Paperboy's " + what + " digest of trending papers at "
                + links.at("/") + " to be sent to this address.\n\n"
                + "To confirm, open this link within 48 hours:\n" + link + "\n\n"
                + "If it was not you, do nothing: without confirmation this address gets no more mail from us, "
                + "and it is forgotten in a week.\n";
        String html = MailHtml.render("mail/confirm.jte", new ConfirmMail(what, link));
        Address from = transport.from();
        return new Mail("confirm." + UUID.randomUUID() + "@" + from.domain(), from, Address.of(confirmation.email().value()),
                "Confirm your Paperboy digest", text, html, Map.of(), clock.instant());
    }

    /** What the confirmation mail's template shows. */
    public record ConfirmMail(String frequency, String link) {}

    /** Waits briefly for the mails queued so far. */
    @Override
    public void close() throws InterruptedException {
        if (sender != null) {
            sender.shutdown();
            sender.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
