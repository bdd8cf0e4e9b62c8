package paperboy.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Subscribing with double opt-in, confirming, and what the manage page changes. Whatever the
 * address's state, {@link #subscribe} looks the same from outside: a new, pending or departed
 * address gets a confirmation mail; a subscribed one gets nothing (it already has manage links).
 */
public final class Subscriptions {
    /** Unconfirmed addresses are forgotten after this. */
    public static final Duration FORGET_UNCONFIRMED = Duration.ofDays(7);

    private final SubscriberStore store;
    private final ConfirmationTokens confirmations = new ConfirmationTokens();
    private final ManageTokens manageTokens;
    private final ConfirmationMails mails;
    private final Clock clock;

    /**
     * @param mails where confirmation mails go ({@link ConfirmationMails#off()} when the site sends none)
     */
    public Subscriptions(SubscriberStore store, ConfirmationMails mails, Clock clock) {
        this.store = store;
        this.manageTokens = new ManageTokens(SiteSecret.load(store.jdbi(), "manage"));
        this.mails = mails;
        this.clock = clock;
    }

    public SubscriberStore store() {
        return store;
    }

    public ManageTokens manageTokens() {
        return manageTokens;
    }

    /** Whether this site sends mail at all (else the subscribe box is not shown). */
    public boolean open() {
        return mails.isOn();
    }

    /**
     * Asks for a subscription: a confirmation mail goes out unless the address is already
     * subscribed. {@code topic} (may be null) is saved only on an unconfirmed subscription, so that
     * nobody changes a subscriber's digest without their manage link.
     */
    public void subscribe(EmailAddress email, Frequency frequency, Topic topic) {
        Instant now = clock.instant();
        Optional<Confirmation> confirmation = jdbi().inTransaction(h -> {
            Subscriber subscriber = store.insertPending(h, email, frequency, now);
            switch (subscriber.state()) {
                case CONFIRMED, BOUNCING -> {
                    return Optional.empty();
                }
                // Asked again while pending: the week before it is forgotten starts again with the new link.
                case UNSUBSCRIBED, PENDING -> store.restart(h, subscriber.id(), frequency, now);
            }
            if (topic != null) {
                store.addTopics(h, subscriber.id(), List.of(topic));
            }
            return Optional.of(new Confirmation(email, frequency, confirmations.issue(h, subscriber.id(), now)));
        });
        confirmation.ifPresent(mails::send);
    }

    /** The confirmation a token asks for, while it can still be spent (the page that asks to confirm). */
    public boolean confirmable(String token) {
        return jdbi().withHandle(h -> confirmations.usable(h, token, clock.instant()));
    }

    /** Spends a confirmation token: the subscriber, now confirmed; empty for a token used, expired or unknown. */
    public Optional<Subscriber> confirm(String token) {
        Instant now = clock.instant();
        return jdbi().inTransaction(h -> confirmations.redeem(h, token, now).flatMap(id -> {
            store.confirm(h, id, now);
            return store.find(h, id).filter(s -> s.state() == Subscriber.State.CONFIRMED);
        }));
    }

    /** The subscriber a manage or unsubscribe link names, when its signature holds. */
    public Optional<Subscriber> byToken(String token) {
        return ManageTokens.id(token).flatMap(store::find).filter(s -> manageTokens.matches(token, s));
    }

    public String tokenFor(Subscriber subscriber) {
        return manageTokens.of(subscriber);
    }

    public void setFrequency(Subscriber subscriber, Frequency frequency) {
        jdbi().useTransaction(h -> store.setFrequency(h, subscriber.id(), frequency));
    }

    /** Adds a topic; false when the subscriber already has {@link Topic#MAX_PER_SUBSCRIBER} others. */
    public boolean addTopic(Subscriber subscriber, Topic topic) {
        return jdbi().inTransaction(h -> store.addTopics(h, subscriber.id(), List.of(topic)));
    }

    public void removeTopic(Subscriber subscriber, String query) {
        jdbi().useTransaction(h -> store.removeTopic(h, subscriber.id(), query));
    }

    public List<String> topics(Subscriber subscriber) {
        return store.topics(subscriber.id());
    }

    /** Stops the digests; the row stays (unsubscribed) so that a later subscribe asks to confirm again. */
    public boolean unsubscribe(Subscriber subscriber) {
        return store.unsubscribe(subscriber.id());
    }

    /**
     * Adds an address by the operator's word (moving an existing list): confirmed at once when
     * {@code confirmed}, else pending with a confirmation mail. An address already there keeps its
     * state unless {@code confirmed}; its frequency is updated and {@code topics} added to its own.
     * The subscriber as it now stands.
     *
     * @throws Topic.TooMany when it would have more than {@link Topic#MAX_PER_SUBSCRIBER} topics
     *                       (as on the manage page; nothing is changed)
     */
    public Subscriber add(EmailAddress email, Frequency frequency, List<Topic> topics, boolean confirmed) {
        Instant now = clock.instant();
        Subscriber added = jdbi().inTransaction(h -> {
            Subscriber subscriber = store.insertPending(h, email, frequency, now);
            store.setFrequency(h, subscriber.id(), frequency);
            if (confirmed) {
                store.confirmAnyway(h, subscriber.id(), now);
            }
            if (!store.addTopics(h, subscriber.id(), topics)) {
                throw new Topic.TooMany(email);
            }
            return store.find(h, subscriber.id()).orElseThrow();
        });
        if (added.state() == Subscriber.State.PENDING) {
            String token = jdbi().inTransaction(h -> confirmations.issue(h, added.id(), now));
            mails.send(new Confirmation(email, frequency, token));
        }
        return added;
    }

    /** Forgets addresses never confirmed within a week, and spent or expired tokens; how many addresses. */
    public int forgetUnconfirmed() {
        Instant now = clock.instant();
        int forgotten = store.forgetUnconfirmed(now.minus(FORGET_UNCONFIRMED));
        jdbi().useTransaction(h -> confirmations.forgetSpent(h, now));
        return forgotten;
    }

    private Jdbi jdbi() {
        return store.jdbi();
    }

    /** A confirmation mail to send: to whom, for which frequency, with which token in its link. */
    public record Confirmation(EmailAddress email, Frequency frequency, String token) {}

}
