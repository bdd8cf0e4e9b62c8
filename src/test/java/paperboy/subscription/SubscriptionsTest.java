package paperboy.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.MovingClock;
import paperboy.db.Database;
import paperboy.db.StoreTest;

/** Double opt-in, the tokens' rules and the manage links' signature, on SQLite and PostgreSQL. */
class SubscriptionsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** Keeps the confirmations instead of mailing them. */
    static final class Kept extends ConfirmationMails {
        final List<Subscriptions.Confirmation> sent = new ArrayList<>();

        Kept() {
            super(null, new SiteLinks(java.net.URI.create("https://papers.example.org")), Clock.systemUTC());
        }

        @Override
        void send(Subscriptions.Confirmation confirmation) {
            sent.add(confirmation);
        }
    }

    @StoreTest
    void aNewAddressIsPendingAndGetsOneConfirmationWhoseTokenWorksOnce(Database db) {
        Kept mails = new Kept();
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), mails, new MovingClock(NOW));

        subs.subscribe(EmailAddress.of(" Ann@Example.ORG"), Frequency.WEEKLY, new Topic("cat:cs.CL"));
        String token = mails.sent.getFirst().token();

        Subscriber pending = subs.store().find(EmailAddress.of("ann@example.org")).orElseThrow();
        assertThat(pending.state()).isEqualTo(Subscriber.State.PENDING);
        assertThat(pending.mailed()).isFalse();
        assertThat(subs.confirm(token)).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(Subscriber.State.CONFIRMED));
        assertThat(subs.confirm(token)).isEmpty();
        assertThat(subs.topics(pending)).containsExactly("cat:cs.CL");
        int plain = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM confirmation_tokens WHERE token_hash = :t")
                .bind("t", token).mapTo(Integer.class).one());
        assertThat(plain).as("only the hash is stored").isZero();
    }

    @StoreTest
    void aConfirmationTokenExpiresAfter48Hours(Database db) {
        Kept mails = new Kept();
        MovingClock clock = new MovingClock(NOW);
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), mails, clock);
        subs.subscribe(EmailAddress.of("ann@example.org"), Frequency.DAILY, null);

        clock.set(NOW.plus(Duration.ofHours(48)).plusSeconds(1));

        assertThat(subs.confirmable(mails.sent.getFirst().token())).isFalse();
        assertThat(subs.confirm(mails.sent.getFirst().token())).isEmpty();
    }

    @StoreTest
    void aSubscribedAddressGetsNoMailAndKeepsItsSettingsWhenSomeoneSubscribesItAgain(Database db) {
        Kept mails = new Kept();
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), mails, new MovingClock(NOW));
        Subscriber ann = subs.add(EmailAddress.of("ann@example.org"), Frequency.DAILY, List.of(), true);

        subs.subscribe(EmailAddress.of("ann@example.org"), Frequency.WEEKLY, new Topic("spam"));

        assertThat(mails.sent).isEmpty();
        assertThat(subs.store().find(ann.id()).orElseThrow().frequency()).isEqualTo(Frequency.DAILY);
        assertThat(subs.topics(ann)).isEmpty();
    }

    @StoreTest
    void aDigestTakesTenTopicsWhoeverAddsThemAndAnOperatorAskingForMoreChangesNothing(Database db) {
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), new Kept(), new MovingClock(NOW));
        Subscriber ann = subs.add(EmailAddress.of("ann@example.org"), Frequency.DAILY, topics(9), true);

        assertThatThrownBy(() -> subs.add(ann.email(), Frequency.WEEKLY, List.of(new Topic("ten"), new Topic("eleven")), true))
                .isInstanceOf(Topic.TooMany.class).hasMessage("ann@example.org would have more than 10 topics, the most a digest "
                        + "takes; nothing changed for it");
        assertThatThrownBy(() -> subs.add(EmailAddress.of("bob@example.org"), Frequency.DAILY, topics(11), false))
                .isInstanceOf(Topic.TooMany.class);
        assertThat(subs.store().find(EmailAddress.of("bob@example.org"))).as("not even pending").isEmpty();
        assertThat(subs.store().find(ann.id()).orElseThrow().frequency()).isEqualTo(Frequency.DAILY);
        assertThat(subs.topics(ann)).hasSize(9);

        subs.add(ann.email(), Frequency.DAILY, List.of(new Topic("topic 1"), new Topic("ten")), true);
        assertThat(subs.topics(ann)).as("a topic it has takes no room").hasSize(10).endsWith("ten");
        assertThat(subs.addTopic(ann, new Topic("eleven"))).isFalse();
        assertThat(subs.topics(ann)).hasSize(10).doesNotContain("eleven");
    }

    private static List<Topic> topics(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new Topic("topic " + i)).toList();
    }

    @StoreTest
    void unconfirmedAddressesAreForgottenAfterAWeekAndConfirmedOnesKept(Database db) {
        MovingClock clock = new MovingClock(NOW);
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), new Kept(), clock);
        subs.subscribe(EmailAddress.of("never@example.org"), Frequency.DAILY, null);
        subs.add(EmailAddress.of("kept@example.org"), Frequency.DAILY, List.of(), true);

        clock.set(NOW.plus(Duration.ofDays(6)));
        assertThat(subs.forgetUnconfirmed()).isZero();
        clock.set(NOW.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(subs.forgetUnconfirmed()).isEqualTo(1);

        assertThat(subs.store().find(EmailAddress.of("never@example.org"))).isEmpty();
        assertThat(subs.store().find(EmailAddress.of("kept@example.org"))).isPresent();
    }

    @StoreTest
    void askingAgainWhilePendingEndsTheEarlierLinkAndStartsTheWeekAgain(Database db) {
        MovingClock clock = new MovingClock(NOW);
        Kept mails = new Kept();
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), mails, clock);
        subs.subscribe(EmailAddress.of("late@example.org"), Frequency.DAILY, null);
        clock.set(NOW.plus(Duration.ofDays(6)));
        subs.subscribe(EmailAddress.of("late@example.org"), Frequency.WEEKLY, null);

        assertThat(subs.confirmable(mails.sent.getFirst().token())).as("the earlier link").isFalse();
        clock.set(NOW.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(subs.forgetUnconfirmed()).isZero();
        assertThat(subs.confirm(mails.sent.getLast().token())).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(Subscriber.State.CONFIRMED);
            assertThat(s.frequency()).isEqualTo(Frequency.WEEKLY);
        });
    }

    @StoreTest
    void aManageTokenNamesItsSubscriberAndAnyChangeToItIsRefused(Database db) {
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), new Kept(), new MovingClock(NOW));
        Subscriber ann = subs.add(EmailAddress.of("ann@example.org"), Frequency.DAILY, List.of(), true);
        Subscriber bob = subs.add(EmailAddress.of("bob@example.org"), Frequency.DAILY, List.of(), true);
        String token = subs.tokenFor(ann);
        String mac = token.substring(token.indexOf('.') + 1);

        assertThat(subs.byToken(token)).contains(ann);
        assertThat(subs.byToken(bob.id() + "." + mac)).isEmpty();
        assertThat(subs.byToken(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(subs.byToken("")).isEmpty();
        assertThat(subs.byToken(null)).isEmpty();
        assertThat(subs.byToken("x.y")).isEmpty();
        // The same secret after a restart: links in mails already sent keep working.
        assertThat(new Subscriptions(new SubscriberStore(db.jdbi()), new Kept(), new MovingClock(NOW)).byToken(token)).contains(ann);
    }

    @Test
    void addressesAreNormalisedAndWhatCouldBreakAHeaderIsRefused() {
        assertThat(EmailAddress.of("  Ann.Lee+papers@Example.ORG ").value()).isEqualTo("ann.lee+papers@example.org");
        for (String bad : List.of("", "ann", "ann@", "@example.org", "ann@example", "a b@example.org", "ann@example.org\r\nBcc: x@y.org",
                "ann@@example.org", "<ann@example.org>", "x".repeat(250) + "@example.org")) {
            assertThatThrownBy(() -> EmailAddress.of(bad)).as(bad).isInstanceOf(EmailAddress.InvalidEmail.class);
        }
    }
}
