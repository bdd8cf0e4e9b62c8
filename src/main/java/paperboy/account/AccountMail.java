package paperboy.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import paperboy.mail.Address;
import paperboy.mail.Mail;
import paperboy.mail.MailQueue;
import paperboy.mail.MailTransport;
import paperboy.subscription.MailHtml;
import paperboy.subscription.SiteLinks;

/**
 * The mails accounts send: a link to verify an address (after a sign-up, a change of email, or on
 * request from {@code /settings}) and a link to set a new password. Sent through a
 * {@link MailQueue}, so a page answers in the same time whether a mail went out or not. Links
 * point at {@code PAPERBOY_BASE_URL}; {@link #off()} when it is unset (then nothing is sent and
 * nothing can be verified).
 */
public class AccountMail implements AutoCloseable {
    private final MailQueue queue;
    private final SiteLinks links;
    private final Clock clock;

    public AccountMail(MailTransport transport, SiteLinks links, Clock clock) {
        this.queue = new MailQueue(transport, "account-mails");
        this.links = links;
        this.clock = clock;
    }

    private AccountMail() {
        this.queue = null;
        this.links = null;
        this.clock = null;
    }

    private static final AccountMail OFF = new AccountMail() {
        @Override
        void verify(String to, String name, String token, boolean change) {
            // No mail: the address stays unverified (README, Accounts).
        }

        @Override
        void resetWhenFound(String what, Supplier<Optional<ResetLink>> find) {
            // No mail: the reset page says so before anyone gets here.
        }
    };

    /** No mail: nothing is verified, no password is reset by mail. */
    public static AccountMail off() {
        return OFF;
    }

    public boolean isOn() {
        return this != OFF;
    }

    /** What the two mails' template shows. */
    public record Message(String greeting, String lead, String button, String link, String after) {}

    void verify(String to, String name, String token, boolean change) {
        String link = links.at("/verify?token=" + encode(token));
        String lead = change
                ? "You asked to use this address for your Paperboy account. It takes the place of your old one once you verify it."
                : "Welcome to Paperboy. Please verify that this address is yours.";
        send(to, "Verify your email address for Paperboy", new Message("Hello " + name + ",", lead, "Verify my address", link,
                "The link works once, for 48 hours. If you did not ask for this, do nothing: the address is not used."));
    }

    /** Where a password reset link goes, and its token. */
    record ResetLink(String to, String name, String token) {}

    /**
     * Finds (on the mail thread, so the asker's answer takes the same time whatever it finds) whom
     * a reset link goes to, if anyone, and mails it.
     */
    void resetWhenFound(String what, Supplier<Optional<ResetLink>> find) {
        queue.sendWhenMade(() -> find.get().map(this::reset), what);
    }

    private Mail reset(ResetLink reset) {
        String link = links.at("/password/reset/new?token=" + encode(reset.token()));
        return mail(reset.to(), "Set a new Paperboy password", new Message("Hello " + reset.name() + ",",
                "Someone, probably you, asked to set a new password for your Paperboy account.", "Choose a new password", link,
                "The link works once, for 1 hour. If it was not you, do nothing: your password stays as it is."));
    }

    private void send(String to, String subject, Message message) {
        queue.send(mail(to, subject, message));
    }

    private Mail mail(String to, String subject, Message message) {
        String text = message.greeting() + "\n\n" + message.lead() + "\n\n" + message.button() + ":\n" + message.link()
                + "\n\n" + message.after() + "\n\n-- \nPaperboy, " + links.at("/") + "\n";
        Address from = queue.from();
        return new Mail("account." + UUID.randomUUID() + "@" + from.domain(), from, Address.of(to), subject, text,
                MailHtml.render("mail/account.jte", message), Map.of(), clock.instant());
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Waits briefly for the mails queued so far. */
    @Override
    public void close() throws InterruptedException {
        if (queue != null) {
            queue.close();
        }
    }
}
