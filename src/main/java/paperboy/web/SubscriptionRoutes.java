package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import paperboy.account.Visitors;
import paperboy.http.HttpError;
import paperboy.http.Throttle;
import paperboy.http.TokenLinks;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.Subscriber;
import paperboy.subscription.Subscriptions;
import paperboy.subscription.Topic;
import paperboy.web.pages.ManagePage;
import paperboy.web.pages.NoticePage;
import paperboy.web.pages.SubscribePage;
import paperboy.web.pages.TokenFormPage;

/**
 * The digest's pages: {@code /subscribe} (double opt-in), {@code /subscribe/confirm},
 * {@code /manage} (frequency, topics, unsubscribing, with the signed token from the mail instead of
 * a login) and {@code /unsubscribe} (RFC 8058 one-click: a POST of {@code List-Unsubscribe=One-Click}
 * unsubscribes; a GET only shows a button, since link scanners fetch every link in a mail).
 * Everything that changes a subscription is a POST; forms carry {@code _csrf} for the site-wide
 * check accounts bring; the POSTs that carry a token (confirm, manage, unsubscribe) are protected
 * by it. Subscribing is rate-limited per client address and per email address.
 */
final class SubscriptionRoutes {
    /**
     * The one-click unsubscribe address (RFC 8058): its POST is authorised by the signed token in its
     * own URL and comes from a mailbox provider with no page and no cookie, so it carries no CSRF token.
     */
    static final java.util.Set<String> SIGNED_LINKS = java.util.Set.of("/unsubscribe");

    static final String CHECK_INBOX = "If that address can get our mail, a message is on its way to it with a link to confirm. "
            + "Nothing is sent until you do; the link works for 48 hours.";
    private static final String BAD_LINK = "This link is not valid (any more). Links in our mails work once they are "
            + "copied whole; a confirmation link works once, for 48 hours.";

    private final Subscriptions subscriptions;
    private final Pages pages;
    private final Throttle perClient;
    private final Throttle perEmail;
    private final Throttle changesPerClient;

    SubscriptionRoutes(Subscriptions subscriptions, Pages pages, Throttle perClient, Throttle perEmail, Throttle changesPerClient) {
        this.subscriptions = subscriptions;
        this.pages = pages;
        this.perClient = perClient;
        this.perEmail = perEmail;
        this.changesPerClient = changesPerClient;
    }

    /** The limits a public site runs with. */
    static SubscriptionRoutes limited(Subscriptions subscriptions, Pages pages) {
        return new SubscriptionRoutes(subscriptions, pages,
                new Throttle("subscriptions from one address", 10, Duration.ofHours(1)),
                new Throttle("confirmation mails to one address", 3, Duration.ofDays(1)),
                new Throttle("subscription changes from one address", 60, Duration.ofMinutes(10)));
    }

    void addTo(RoutesConfig routes) {
        routes.get("/subscribe", this::form);
        routes.post("/subscribe", this::subscribe);
        routes.get("/subscribe/confirm", this::askToConfirm);
        routes.post("/subscribe/confirm", this::confirm);
        routes.get("/manage", this::manage);
        routes.post("/manage", this::change);
        routes.get("/unsubscribe", this::askToUnsubscribe);
        routes.post("/unsubscribe", this::unsubscribe);
    }

    private void open() {
        if (!subscriptions.open()) {
            throw HttpError.notFound("This site sends no email: its operator has not set PAPERBOY_BASE_URL, which mail links need. "
                    + "Every list and search has an Atom and RSS feed instead.");
        }
    }

    private void form(Context ctx) {
        open();
        pages.render(ctx, "subscribe.jte", new SubscribePage(text(ctx.queryParam("email")), text(ctx.queryParam("frequency")), text(ctx.queryParam("topic")),
                csrf(ctx)));
    }

    private void subscribe(Context ctx) {
        open();
        perClient.takeOrRefuse(ctx.ip());
        EmailAddress email = email(ctx.formParam("email"));
        Frequency frequency = frequency(ctx.formParam("frequency"));
        String topicText = text(ctx.formParam("topic"));
        Topic topic = topicText.isBlank() ? null : topic(topicText);
        perEmail.takeOrRefuse(email.value());
        subscriptions.subscribe(email, frequency, topic);
        // The same answer whatever the address's state, so the page tells nobody who subscribes.
        pages.render(ctx, "notice.jte", new NoticePage("Check your inbox", CHECK_INBOX, "/", "Back to today’s papers"));
    }

    /** A spent, expired or unknown confirmation link: a page that says so, kept by the 404 handler. */
    private void badLink(Context ctx) {
        ctx.status(404);
        Errors.answered(ctx);
        pages.render(ctx, "notice.jte", new NoticePage("Link not valid", BAD_LINK, "/subscribe", "Subscribe again"));
    }

    private void askToConfirm(Context ctx) {
        TokenLinks.keepPrivate(ctx); // the token is in the address or the form
        open();
        String token = text(ctx.queryParam("token"));
        if (!subscriptions.confirmable(token)) {
            badLink(ctx);
            return;
        }
        pages.render(ctx, "tokenform.jte", new TokenFormPage("Confirm your subscription",
                "One click, and the digest starts with the next edition.", "/subscribe/confirm", "token", token,
                "Confirm my subscription", csrf(ctx)));
    }

    private void confirm(Context ctx) {
        TokenLinks.keepPrivate(ctx); // the token is in the address or the form
        open();
        changesPerClient.takeOrRefuse(ctx.ip());
        Optional<Subscriber> confirmed = subscriptions.confirm(text(ctx.formParam("token")));
        if (confirmed.isEmpty()) {
            badLink(ctx);
            return;
        }
        Subscriber s = confirmed.get();
        pages.render(ctx, "notice.jte", new NoticePage("You are subscribed",
                "The " + s.frequency().label() + " digest goes to " + s.email() + " from the next edition. Every digest has "
                        + "a link to change it or to unsubscribe.", manageHref(s), "Choose topics or change frequency"));
    }

    private void manage(Context ctx) {
        TokenLinks.keepPrivate(ctx); // the token is in the address or the form
        Subscriber s = subscriber(text(ctx.queryParam("t")));
        pages.render(ctx, "manage.jte", managePage(ctx, s, notice(ctx.queryParam("done"))));
    }

    private void change(Context ctx) {
        TokenLinks.keepPrivate(ctx); // the token is in the address or the form
        changesPerClient.takeOrRefuse(ctx.ip());
        Subscriber s = subscriber(text(ctx.formParam("t")));
        String done = switch (text(ctx.formParam("action"))) {
            case "frequency" -> {
                subscriptions.setFrequency(s, frequency(ctx.formParam("frequency")));
                yield "frequency";
            }
            case "add-topic" -> subscriptions.addTopic(s, topic(text(ctx.formParam("topic")))) ? "topic-added" : "topics-full";
            case "remove-topic" -> {
                subscriptions.removeTopic(s, text(ctx.formParam("topic")).strip());
                yield "topic-removed";
            }
            case "unsubscribe" -> {
                subscriptions.unsubscribe(s);
                yield "unsubscribed";
            }
            default -> throw HttpError.badRequest("action must be frequency, add-topic, remove-topic or unsubscribe");
        };
        ctx.redirect(manageHref(s) + "&done=" + done, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void askToUnsubscribe(Context ctx) {
        TokenLinks.keepPrivate(ctx); // the token is in the address or the form
        String token = text(ctx.queryParam("t"));
        Subscriber s = subscriber(token);
        pages.render(ctx, "tokenform.jte", new TokenFormPage("Unsubscribe",
                "Stop every digest to " + s.email() + "?", "/unsubscribe", "t", token, "Unsubscribe", csrf(ctx)));
    }

    /**
     * RFC 8058: a mail client POSTs {@code List-Unsubscribe=One-Click} to the header's URL (the
     * token in its query), with no cookie and no form token; the button of the page POSTs the token
     * in its body. Either way the signed token is what allows it.
     */
    private void unsubscribe(Context ctx) {
        TokenLinks.keepPrivate(ctx); // the token is in the address or the form
        changesPerClient.takeOrRefuse(ctx.ip());
        String token = ctx.queryParam("t") != null ? ctx.queryParam("t") : text(ctx.formParam("t"));
        Subscriber s = subscriber(token);
        subscriptions.unsubscribe(s);
        pages.render(ctx, "notice.jte", new NoticePage("You are unsubscribed",
                s.email() + " gets no more digests. Changed your mind? You can subscribe again at any time.", manageHref(s),
                "Manage or resubscribe"));
    }

    private Subscriber subscriber(String token) {
        return subscriptions.byToken(token).orElseThrow(() -> HttpError.notFound(BAD_LINK));
    }

    private ManagePage managePage(Context ctx, Subscriber s, String notice) {
        var topics = subscriptions.topics(s).stream()
                .map(q -> new ManagePage.Topic(q, "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).toList();
        return new ManagePage(subscriptions.tokenFor(s), s.email().value(), s.frequency().label(), s.state().label(), topics,
                topics.size() < Topic.MAX_PER_SUBSCRIBER, Topic.MAX_PER_SUBSCRIBER, notice, csrf(ctx));
    }

    private String manageHref(Subscriber s) {
        return "/manage?t=" + URLEncoder.encode(subscriptions.tokenFor(s), StandardCharsets.UTF_8);
    }

    private static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "frequency" -> "Saved.";
            case "topic-added" -> "Topic added: the next digest looks for it.";
            case "topic-removed" -> "Topic removed.";
            case "topics-full" -> "That is the most topics a digest takes; remove one first.";
            case "unsubscribed" -> "You are unsubscribed: no more digests. To subscribe again, use the form on any list page.";
            default -> null;
        };
    }

    private static EmailAddress email(String text) {
        try {
            return EmailAddress.of(text);
        } catch (EmailAddress.InvalidEmail e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
    }

    private static Frequency frequency(String text) {
        try {
            return text == null || text.isBlank() ? Frequency.DAILY : Frequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
    }

    private static Topic topic(String text) {
        try {
            return new Topic(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
    }

    /** The site-wide form token (checked on every POST but {@link #SIGNED_LINKS}); these pages are never cached. */
    private static String csrf(Context ctx) {
        return Visitors.csrfToken(ctx);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
