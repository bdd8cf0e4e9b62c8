package paperboy.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import paperboy.http.HttpError;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.MemberSubscriptions;
import paperboy.subscription.Subscriber;
import paperboy.subscription.Topic;

/**
 * The digest section of {@code /settings}: {@code POST /settings/digest} with {@code action}
 * {@code save} (subscribe, or change the frequency; with an optional topic), {@code add-topic},
 * {@code remove-topic} or {@code unsubscribe}. A member subscribes with their verified address and
 * no confirmation mail (the verification was the proof); an unverified member is asked to verify
 * first. Answered with a redirect back to {@code /settings}, or the page with what to fix (422).
 */
public final class DigestSettingsRoutes {
    static final String VERIFY_FIRST = "Verify your email address first: the digest goes only to a verified address.";

    private final MemberSubscriptions digest;
    private final SettingsRoutes settings;
    private final boolean open;

    /** @param open whether this site sends the digest (it needs PAPERBOY_BASE_URL) */
    public DigestSettingsRoutes(MemberSubscriptions digest, SettingsRoutes settings, boolean open) {
        this.digest = digest;
        this.settings = settings;
        this.open = open;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/settings/digest", this::change);
    }

    /** What the settings page shows of the member's digest. */
    static SettingsPage.Digest digest(MemberSubscriptions digest, boolean open, Member member) {
        Optional<Subscriber> own = open ? digest.of(member.id()) : Optional.empty();
        return new SettingsPage.Digest(open, own.map(Subscriber::mailed).orElse(false),
                own.map(s -> s.frequency().label()).orElse("daily"), own.isPresent() ? digest.topics(member.id()) : List.of(),
                Topic.MAX_PER_SUBSCRIBER);
    }

    private void change(Context ctx) {
        Member member = SettingsRoutes.sessionMember(ctx);
        if (!open) {
            throw HttpError.notFound("This site sends no email: its operator has not set PAPERBOY_BASE_URL, which mail links need.");
        }
        if (!member.verified()) {
            settings.refuse(ctx, "digest", VERIFY_FIRST);
            return;
        }
        String action = AccountRoutes.field(ctx, "action");
        Optional<String> problem = switch (action) {
            case "save" -> save(ctx, member);
            case "add-topic" -> topic(ctx).flatMap(t -> digest.addTopic(member.id(), t) ? Optional.empty()
                    : Optional.of("That is the most topics a digest takes (" + Topic.MAX_PER_SUBSCRIBER + "); remove one first."));
            case "remove-topic" -> {
                digest.removeTopic(member.id(), AccountRoutes.field(ctx, "topic"));
                yield Optional.empty();
            }
            case "unsubscribe" -> {
                digest.unsubscribe(member.id());
                yield Optional.empty();
            }
            default -> throw HttpError.badRequest("action must be save, add-topic, remove-topic or unsubscribe");
        };
        if (problem.isPresent()) {
            settings.refuse(ctx, "digest", problem.get());
        } else {
            SettingsRoutes.done(ctx, (action.equals("save") ? "subscribed" : action.equals("unsubscribe") ? "unsubscribed" : "digest")
                    + "#digest");
        }
    }

    /** Subscribes the member's verified address, or changes the frequency; a problem to show, or none. */
    private Optional<String> save(Context ctx, Member member) {
        Frequency frequency;
        try {
            String text = AccountRoutes.field(ctx, "frequency");
            frequency = text.isEmpty() ? Frequency.DAILY : Frequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
        Optional<Topic> topic = AccountRoutes.field(ctx, "topic").isEmpty() ? Optional.empty() : topic(ctx);
        try {
            digest.subscribe(member.id(), EmailAddress.of(member.email()), frequency, topic.orElse(null));
            return Optional.empty();
        } catch (EmailAddress.InvalidEmail e) {
            return Optional.of("The digest cannot be sent to this address (" + e.getMessage() + "): change it above.");
        }
    }

    private static Optional<Topic> topic(Context ctx) {
        try {
            return Optional.of(new Topic(AccountRoutes.field(ctx, "topic")));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
    }
}
