package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.mail.Mail;
import paperboy.paper.PaperBuilder;
import paperboy.subscription.Frequency;

/**
 * What the sender shares and batches, on SQLite and PostgreSQL: a topic many readers follow is
 * searched once per edition; rows are claimed a batch at a time, yet a kill leaves only the mail
 * in flight in doubt, a run that stops gives back what it claimed and never started, and an
 * unsubscribe while a row waits in a batch is still honoured.
 */
class BatchedSendingTest {
    private static final String[] TOPICS = {"retrieval", "diffusion", "protein folding"};

    private static Map<String, Long> copiesPerAddress(List<Mail> mails) {
        return mails.stream().collect(Collectors.groupingBy(m -> m.to().email(), Collectors.counting()));
    }

    @StoreTest
    void aTopicThatManyReadersFollowIsSearchedOncePerEdition(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = new Recorder(DigestWorld.files(dir));
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.store(PaperBuilder.paper("2611.05001").title("Sparse retrieval for proteins").published("2026-11-30").update(),
                    PaperBuilder.paper("2611.05002").title("Diffusion for video").published("2026-11-30").update(),
                    PaperBuilder.paper("2611.05003").title("Protein folding at scale").published("2026-11-30").update(),
                    PaperBuilder.paper("2612.00001").title("Featured on Tuesday").upvotes(5).featuredOn("2026-12-01"));
            for (int i = 1; i <= 12; i++) {
                world.confirmed("reader" + i + "@example.org", Frequency.DAILY, TOPICS[i % 3], TOPICS[(i + 1) % 3]);
            }

            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            SendReport report = world.digests().send(DigestWorld.FAST.withThreads(2), () -> false);
            long afterOneEdition = world.digests().topicSearches();
            world.digests().prepare(DigestWorld.TUESDAY.plusDays(1), Frequency.DAILY);
            world.digests().send(DigestWorld.FAST.withThreads(2), () -> false);

            assertThat(report.sent()).isEqualTo(12);
            assertThat(afterOneEdition).isEqualTo(3);
            assertThat(world.digests().topicSearches()).isEqualTo(6); // the next day's edition searches its own period
            Mail reader1 = mail.delivered().stream().filter(m -> m.to().email().equals("reader1@example.org")).findFirst().orElseThrow();
            assertThat(reader1.text()).contains("NEW FOR YOUR TOPIC: diffusion", "Diffusion for video",
                    "NEW FOR YOUR TOPIC: protein folding", "Protein folding at scale").doesNotContain("FOR YOUR TOPIC: retrieval");
            assertThat(reader1.html()).contains("Diffusion for video", "Protein folding at scale");
        }
    }

    @StoreTest
    void aKillWithABatchClaimedLeavesOnlyTheMailInFlightInDoubt(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = new Recorder(DigestWorld.files(dir)).killAfter(3);
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(8);
            Edition edition = world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY).edition();

            assertThatThrownBy(() -> world.digests().send(DigestWorld.FAST, () -> false)).isInstanceOf(Recorder.Killed.class);

            Map<Outbox.State, Long> states = world.digests().outbox().count(edition.id());
            assertThat(states.get(Outbox.State.SENT)).isEqualTo(3);
            assertThat(states.get(Outbox.State.SENDING)).isEqualTo(1); // the 4th: delivered, never marked
            assertThat(states.get(Outbox.State.PENDING)).isEqualTo(4); // one of them claimed in the batch, never started
            world.clock.advance(Duration.ofMinutes(5));
            SendReport rerun = world.digests().send(DigestWorld.FAST, () -> false);
            assertThat(rerun.sent()).isEqualTo(5);
            assertThat(rerun.resent()).isEqualTo(1);
            assertThat(copiesPerAddress(mail.delivered()).values().stream().filter(n -> n == 2)).hasSize(1);
        }
    }

    @StoreTest
    void aRunThatStopsGivesBackTheRowsItClaimedAndNeverStartedSoTheNextRunSendsThemAtOnce(Database db, @TempDir Path dir)
            throws Exception {
        Recorder mail = new Recorder(DigestWorld.files(dir));
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(9);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport stopped = world.digests().send(DigestWorld.FAST, () -> mail.delivered().size() >= 3);
            SendReport rerun = world.digests().send(DigestWorld.FAST, () -> false); // no lease has run out

            assertThat(stopped.sent()).isEqualTo(3);
            assertThat(stopped.waiting()).isEqualTo(6);
            assertThat(rerun.sent()).isEqualTo(6);
            assertThat(rerun.resent()).isZero();
            assertThat(rerun.inDoubt()).isZero();
            assertThat(rerun.waiting()).isZero();
            assertThat(copiesPerAddress(mail.delivered())).hasSize(9).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
        }
    }

    @StoreTest
    void aReaderWhoUnsubscribesWhileTheirRowWaitsInAClaimedBatchIsNotMailed(Database db, @TempDir Path dir) throws Exception {
        Recorder mail = new Recorder(DigestWorld.files(dir));
        try (DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            List<paperboy.subscription.Subscriber> readers = world.readers(4);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            mail.script((m, tryNo) -> {
                if (tryNo == 1) { // the batch of four is claimed and read by now
                    world.subscriptions.store().unsubscribe(readers.get(3).id());
                }
                return null;
            });

            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(report.sent()).isEqualTo(3);
            assertThat(report.skipped()).isEqualTo(1);
            assertThat(mail.delivered().stream().map(m -> m.to().email())).containsExactlyInAnyOrder("reader1@example.org",
                    "reader2@example.org", "reader3@example.org");
        }
    }
}
