package paperboy.subscription;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import paperboy.mail.Address;
import paperboy.mail.Mail;
import paperboy.mail.MailQueue;
import paperboy.mail.MailTransport;

/**
 * Sends the double opt-in's confirmation mails through a {@link MailQueue}, so that the subscribe
 * page answers at once and in the same time whether a mail went out or not. A mail that cannot be
 * sent is logged; the visitor can ask again (the page says so). {@link #off()} when the site sends
 * no mail ({@code PAPERBOY_BASE_URL} unset).
 */
public class ConfirmationMails implements AutoCloseable {
    private final MailQueue queue;
    private final SiteLinks links;
    private final Clock clock;

    public ConfirmationMails(MailTransport transport, SiteLinks links, Clock clock) {
        this.queue = new MailQueue(transport, "confirmation-mails");
        this.links = links;
        this.clock = clock;
    }

    private ConfirmationMails() {
        this.queue = null;
        this.links = null;
        this.clock = null;
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
        queue.send(mail(confirmation));
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
        Address from = queue.from();
        return new Mail("confirm." + UUID.randomUUID() + "@" + from.domain(), from, Address.of(confirmation.email().value()),
                "Confirm your Paperboy digest", text, html, Map.of(), clock.instant());
    }

    /** What the confirmation mail's template shows. */
    public record ConfirmMail(String frequency, String link) {}

    /** Waits briefly for the mails queued so far. */
    @Override
    public void close() throws InterruptedException {
        if (queue != null) {
            queue.close();
        }
    }
}
