package paperboy.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A member's digest, tied to their account ({@code subscribers.member_id}). A member subscribes
 * from {@code /settings} with their verified address and no confirmation mail: the verification
 * was the proof that the address is theirs. There is one subscription per member; an anonymous
 * subscription of the same address is taken over (linked), never duplicated. This package knows
 * members only by id and verified address, so that it does not depend on accounts.
 */
public final class MemberSubscriptions {
    private final SubscriberStore store;
    private final Clock clock;

    public MemberSubscriptions(SubscriberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The member's subscription, whatever its state. */
    public Optional<Subscriber> of(long memberId) {
        return jdbi().withHandle(h -> store.findByMember(h, memberId));
    }

    /**
     * Subscribes the member's verified address at once (confirmed), or changes the frequency of the
     * subscription they have; {@code topic} (may be null) is added while there is room.
     */
    public Subscriber subscribe(long memberId, EmailAddress verified, Frequency frequency, Topic topic) {
        Instant now = clock.instant();
        return jdbi().inTransaction(h -> {
            long id = followed(h, memberId, verified).orElseGet(() -> {
                Subscriber row = store.insertPending(h, verified, frequency, now);
                store.linkMember(h, row.id(), memberId);
                return row.id();
            });
            store.setFrequency(h, id, frequency);
            Subscriber s = store.find(h, id).orElseThrow();
            if (!s.mailed()) {
                store.confirmAnyway(h, id, now);
            }
            if (topic != null) {
                store.addTopics(h, id, java.util.List.of(topic));
            }
            return store.find(h, id).orElseThrow();
        });
    }

    /**
     * A member proved {@code verified} theirs (after a sign-up or a change of email): their
     * subscription moves to it, taking over the topics of an anonymous subscription of that address;
     * without one of their own, an anonymous subscription of that address becomes theirs.
     */
    public void follow(long memberId, EmailAddress verified) {
        jdbi().useTransaction(h -> followed(h, memberId, verified));
    }

    /** {@link #follow}; the id of the member's subscription afterwards, if they have one. */
    private Optional<Long> followed(org.jdbi.v3.core.Handle h, long memberId, EmailAddress verified) {
        Optional<Subscriber> own = store.findByMember(h, memberId);
        Optional<Subscriber> there = store.find(h, verified);
        if (own.isEmpty()) {
            // The address is proven theirs: whoever subscribed it before, its digest is now this member's.
            there.ifPresent(s -> store.linkMember(h, s.id(), memberId));
            return there.map(Subscriber::id);
        }
        long id = own.get().id();
        if (!own.get().email().equals(verified)) {
            there.ifPresent(s -> store.mergeInto(h, s.id(), id));
            store.setEmail(h, id, verified);
        }
        return Optional.of(id);
    }

    /** The topics of the member's subscription, in the order added; none without one. */
    public java.util.List<String> topics(long memberId) {
        return of(memberId).map(s -> store.topics(s.id())).orElse(java.util.List.of());
    }

    /** Adds a topic to the member's subscription; false when it has no room (or there is none). */
    public boolean addTopic(long memberId, Topic topic) {
        return jdbi().inTransaction(h -> store.findByMember(h, memberId)
                .map(s -> store.addTopics(h, s.id(), java.util.List.of(topic))).orElse(false));
    }

    public void removeTopic(long memberId, String query) {
        jdbi().useTransaction(h -> store.findByMember(h, memberId).ifPresent(s -> store.removeTopic(h, s.id(), query)));
    }

    /** Stops the member's digests; the subscription stays (unsubscribed), still theirs. */
    public void unsubscribe(long memberId) {
        of(memberId).ifPresent(s -> store.unsubscribe(s.id()));
    }

    /** The member deleted their account: their subscription goes with their address (README, Accounts). */
    public int forget(long memberId) {
        return jdbi().inTransaction(h -> store.removeMember(h, memberId));
    }

    private Jdbi jdbi() {
        return store.jdbi();
    }
}
