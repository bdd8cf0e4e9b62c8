package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.mail.Delivery;
import paperboy.mail.Mail;
import paperboy.subscription.Frequency;
import paperboy.subscription.Subscriber;

/**
 * The outbox's promise, on SQLite and PostgreSQL: every subscriber gets an edition exactly once
 * whatever fails in between (a kill after k of n mails, 4xx, 5xx, the server down for a run),
 * and the only mail sent twice is the one in doubt, with the same Message-ID.
 */
class DigestSendingTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension GREENMAIL = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

    /** Mail through GreenMail, recorded (and failed on purpose where a test says so). */
    private static Recorder greenMail() {
        return new Recorder(DigestWorld.smtp(GREENMAIL.getSmtp().getPort()));
    }

    private static Map<String, Long> copiesPerAddress(List<Mail> mails) {
        return mails.stream().collect(Collectors.groupingBy(m -> m.to().email(), Collectors.counting()));
    }

    @StoreTest
    void anEditionGoesToEveryConfirmedSubscriberOfItsKindOnceAndRunningItAgainSendsNothing(Database db, @TempDir Path dir)
            throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention", "Diffusion")) {
            world.readers(3);
            world.confirmed("weekly@example.org", Frequency.WEEKLY);
            world.subscriptions.store().unsubscribe(world.confirmed("gone@example.org", Frequency.DAILY).id());

            EditionStore.Created created = world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            SendReport first = world.digests().send(DigestWorld.FAST, () -> false);
            EditionStore.Created again = world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            SendReport second = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(created.queued()).isEqualTo(3);
            assertThat(again.made()).isFalse();
            assertThat(first.sent()).isEqualTo(3);
            assertThat(second.sent()).isZero();
            assertThat(copiesPerAddress(mail.delivered())).containsOnlyKeys("reader1@example.org", "reader2@example.org",
                    "reader3@example.org").allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
            assertThat(mail.delivered().getFirst().subject()).isEqualTo("Paperboy daily, Tuesday 1 December 2026");
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(3);
        }
    }

    @StoreTest
    void aWeeklyEditionGoesToWeeklySubscribersOnMondaysAndCoversTheWeekBefore(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Only on Monday the 30th")) {
            world.store(paperboy.paper.PaperBuilder.paper("2611.09999").title("Featured in the week before").upvotes(3)
                    .featuredOn("2026-11-25"));
            world.confirmed("daily@example.org", Frequency.DAILY);
            world.confirmed("weekly@example.org", Frequency.WEEKLY);

            EditionStore.Created weekly = world.digests().prepare(java.time.LocalDate.of(2026, 11, 30), Frequency.WEEKLY);
            world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(weekly.edition().span()).isEqualTo(new Calendar.Span(java.time.LocalDate.of(2026, 11, 23),
                    java.time.LocalDate.of(2026, 11, 29)));
            assertThat(mail.delivered()).singleElement().satisfies(m -> {
                assertThat(m.to().email()).isEqualTo("weekly@example.org");
                assertThat(m.subject()).isEqualTo("Paperboy weekly, 23 to 29 November 2026");
                assertThat(m.text()).contains("Featured in the week before").doesNotContain("Only on Monday the 30th");
            });
            assertThatThrownBy(() -> world.digests().prepare(DigestWorld.TUESDAY, Frequency.WEEKLY))
                    .hasMessageContaining("weekly editions are sent on Mondays");
        }
    }

    @StoreTest
    void anEmptyPeriodSendsNothing(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail)) {
            world.store(paperboy.paper.PaperBuilder.paper("2611.00001").published("2026-10-01").featuredOn("2026-10-01"));
            world.readers(2);

            EditionStore.Created created = world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(created.edition().state()).isEqualTo(Edition.State.EMPTY);
            assertThat(created.queued()).isZero();
            assertThat(report.sent()).isZero();
            assertThat(mail.tries()).isZero();
        }
    }

    @StoreTest
    void aKillAfterKOfNMailsThenARerunLeavesEveryoneWithOneCopyButTheOneInDoubtWhichKeepsItsMessageId(Database db,
            @TempDir Path dir) throws Exception {
        Recorder mail = greenMail().killAfter(3);
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(8);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            assertThatThrownBy(() -> world.digests().send(DigestWorld.FAST, () -> false)).isInstanceOf(Recorder.Killed.class);
            assertThat(mail.delivered()).hasSize(4); // the 4th went out, and the process died before marking it
            world.clock.advance(Duration.ofMinutes(5)); // the dead sender's lease runs out
            SendReport rerun = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(rerun.sent()).isEqualTo(5);
            assertThat(rerun.resent()).isEqualTo(1);
            Map<String, Long> copies = copiesPerAddress(mail.delivered());
            assertThat(copies).hasSize(8);
            assertThat(copies.values().stream().filter(n -> n == 2)).hasSize(1);
            assertThat(copies.values().stream().filter(n -> n > 2)).isEmpty();
            Map<String, List<String>> ids = mail.delivered().stream().collect(Collectors.groupingBy(m -> m.to().email(),
                    Collectors.mapping(Mail::messageId, Collectors.toList())));
            assertThat(ids.values()).allSatisfy(list -> assertThat(list.stream().distinct()).hasSize(1));
            assertThat(ids.values().stream().map(List::getFirst).distinct()).hasSize(8);
        }
    }

    @StoreTest
    void aTemporaryFailureIsRetriedWithinTheRunAndThenSent(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = greenMail()
                .script((m, tryNo) -> tryNo <= 2 ? Delivery.temporary(451, "4.3.0 try again later") : null);
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(1);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(report.retried()).isEqualTo(2);
            assertThat(report.sent()).isEqualTo(1);
            assertThat(mail.delivered()).hasSize(1);
        }
    }

    @StoreTest
    void aPermanentRefusalMarksTheAddressBouncingAndAfterThreeItIsNoLongerMailed(Database db, @TempDir Path dir)
            throws Exception {
        Recorder mail = greenMail().script((m, tryNo) -> m.to().email().startsWith("nobody")
                ? Delivery.permanent(550, "5.1.1 no such user") : null);
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.store(paperboy.paper.PaperBuilder.paper("2612.00001").upvotes(5).featuredOn("2026-12-01"),
                    paperboy.paper.PaperBuilder.paper("2612.00002").upvotes(5).featuredOn("2026-12-02"),
                    paperboy.paper.PaperBuilder.paper("2612.00003").upvotes(5).featuredOn("2026-12-03"));
            Subscriber nobody = world.confirmed("nobody@example.org", Frequency.DAILY);
            world.confirmed("reader@example.org", Frequency.DAILY);

            int[] failed = new int[4];
            List<java.time.LocalDate> days = List.of(DigestWorld.TUESDAY, DigestWorld.TUESDAY.plusDays(1),
                    DigestWorld.TUESDAY.plusDays(2), DigestWorld.TUESDAY.plusDays(3));
            for (int i = 0; i < days.size(); i++) {
                world.digests().prepare(days.get(i), Frequency.DAILY);
                failed[i] = world.digests().send(DigestWorld.FAST, () -> false).failed();
            }

            assertThat(failed).containsExactly(1, 1, 1, 0);
            Subscriber after = world.subscriptions.store().find(nobody.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(Subscriber.State.BOUNCING);
            assertThat(after.bounces()).isEqualTo(3);
            assertThat(after.mailed()).isFalse();
            assertThat(copiesPerAddress(mail.delivered())).containsExactly(Map.entry("reader@example.org", 4L));
        }
    }

    @StoreTest
    void withTheServerDownForAWholeRunNothingIsLostAndTheNextRunSends(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(6);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            mail.script((m, tryNo) -> Delivery.temporary(0, "Connection refused"));

            SendReport down = world.digests().send(DigestWorld.FAST, () -> false);
            mail.script((m, tryNo) -> null);
            world.clock.advance(Duration.ofHours(1));
            SendReport next = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(down.sent()).isZero();
            assertThat(down.serverDown()).isTrue();
            assertThat(down.waiting()).isEqualTo(6);
            assertThat(next.sent()).isEqualTo(6);
            assertThat(next.waiting()).isZero();
            assertThat(copiesPerAddress(mail.delivered())).hasSize(6).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
        }
    }

    @StoreTest
    void aMailCutAfterItsDataIsSentAgainWithTheSameMessageId(Database db, @TempDir Path dir) throws Exception {
        List<Mail> cut = new java.util.ArrayList<>();
        Recorder mail = greenMail().script((m, tryNo) -> {
            if (tryNo != 1) {
                return null;
            }
            cut.add(m);
            return Delivery.inDoubt("connection reset after the final dot");
        });
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(1);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(report.inDoubt()).isEqualTo(1);
            assertThat(report.sent()).isEqualTo(1);
            assertThat(report.resent()).isEqualTo(1);
            assertThat(mail.delivered()).singleElement().extracting(Mail::messageId)
                    .isEqualTo("digest.2026-12-01.daily." + world.subscriptions.store().find(
                            paperboy.subscription.EmailAddress.of("reader1@example.org")).orElseThrow().id() + "@papers.example.org");
            assertThat(mail.delivered()).singleElement().as("the same mail, Date included").isEqualTo(cut.getFirst());
        }
    }

    @StoreTest
    void aCopySentBeforeTheEditionIsMadeDoesNotLendItsListToTheEdition(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention", "Diffusion")) {
            world.readers(1);
            world.digests().sendCopy(DigestWorld.TUESDAY, Frequency.DAILY,
                    paperboy.subscription.EmailAddress.of("preview@example.org")); // Attention first: 100 upvotes to 99
            world.store(paperboy.paper.PaperBuilder.paper("2611.00002").title("Diffusion").summary("About Diffusion.")
                    .authors("Ada Lovelace", "Alan Turing").upvotes(500).published("2026-11-27")
                    .featuredOn(DigestWorld.MONDAY.toString(), "2026-11-30T06:00:00Z"));
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            world.digests().send(DigestWorld.FAST, () -> false);

            String copy = mail.delivered().getFirst().text();
            String sent = mail.delivered().getLast().text();
            assertThat(copy.indexOf("Attention")).isLessThan(copy.indexOf("Diffusion"));
            assertThat(sent.indexOf("Diffusion")).as("the edition's own list").isLessThan(sent.indexOf("Attention"));
        }
    }

    @StoreTest
    void topicsAddTheNewPapersOfThePeriodThatMatchFeaturedOrNot(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.store(paperboy.paper.PaperBuilder.paper("2611.05001").title("Sparse retrieval for proteins")
                            .categories("q-bio.BM").published("2026-11-30").update(),
                    paperboy.paper.PaperBuilder.paper("2611.05002").title("Sparse retrieval, older").published("2026-11-20").update(),
                    paperboy.paper.PaperBuilder.paper("2611.05003").title("Dense retrieval for text").categories("cs.CL")
                            .published("2026-11-30").update());
            world.confirmed("proteins@example.org", Frequency.DAILY, "retrieval cat:q-bio");
            world.confirmed("plain@example.org", Frequency.DAILY);

            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            world.digests().send(DigestWorld.FAST, () -> false);

            Map<String, Mail> byTo = mail.delivered().stream().collect(Collectors.toMap(m -> m.to().email(), Function.identity()));
            assertThat(byTo.get("proteins@example.org").text()).contains("NEW FOR YOUR TOPIC: retrieval cat:q-bio")
                    .contains("Sparse retrieval for proteins").doesNotContain("older").doesNotContain("Dense retrieval");
            assertThat(byTo.get("plain@example.org").text()).doesNotContain("NEW FOR YOUR TOPIC");
        }
    }

    @StoreTest
    void theScheduledRunOnAMondayMakesTheDailyAndTheWeeklyEditionAndForgetsUnconfirmedAddresses(Database db, @TempDir Path dir)
            throws Exception {
        Recorder mail = greenMail();
        try (DigestWorld world = new DigestWorld(db, dir, mail)) {
            world.store(paperboy.paper.PaperBuilder.paper("2611.00001").title("Friday's best").upvotes(9).featuredOn("2026-11-27"));
            world.confirmed("daily@example.org", Frequency.DAILY);
            world.confirmed("weekly@example.org", Frequency.WEEKLY);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO subscribers (email, frequency, state, bounces, created_at) "
                    + "VALUES ('never@example.org', 'daily', 'pending', 0, ?)", java.time.Instant.parse("2026-11-20T00:00:00Z").toEpochMilli()));
            world.clock.advance(Duration.ofDays(-1)); // Monday 30 November, 08:00

            SendReport report = world.digests().scheduled(() -> false);

            assertThat(report.sent()).isEqualTo(2);
            assertThat(mail.delivered().stream().map(Mail::subject)).containsExactlyInAnyOrder(
                    "Paperboy daily, Monday 30 November 2026", "Paperboy weekly, 23 to 29 November 2026");
            assertThat(world.subscriptions.store().find(paperboy.subscription.EmailAddress.of("never@example.org"))).isEmpty();
        }
    }
}
