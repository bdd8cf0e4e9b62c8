package paperboy.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import paperboy.MovingClock;
import paperboy.db.Database;
import paperboy.db.Statements;
import paperboy.db.StoreTest;

/** What the subscribers and topics tables answer, and at what cost in queries, on SQLite and PostgreSQL. */
class SubscriberStoreTest {

    @StoreTest
    void everySubscriberComesWithTheirTopicsInTwoReadsAPageHoweverManyThereAre(Database db) {
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), ConfirmationMails.off(),
                new MovingClock(Instant.parse("2026-12-01T08:00:00Z")));
        IntStream.rangeClosed(1, 5).forEach(i -> subs.add(EmailAddress.of("reader" + i + "@example.org"), Frequency.DAILY,
                i % 2 == 0 ? List.of() : List.of(new Topic("topic " + i), new Topic("cat:cs.CL")), true));
        Statements statements = Statements.countedOn(db.jdbi());
        List<String> seen = new ArrayList<>();

        int pagesOfTwo = statements.during(() -> subs.store().forEachWithTopics(2,
                (s, topics) -> seen.add(s.email() + " " + String.join("|", topics))));
        int fiveInOnePage = statements.during(() -> subs.store().forEachWithTopics(10, (s, topics) -> {}));
        subs.add(EmailAddress.of("reader6@example.org"), Frequency.DAILY, List.of(new Topic("more")), true);
        int sixInOnePage = statements.during(() -> subs.store().forEachWithTopics(10, (s, topics) -> {}));

        assertThat(seen).containsExactly("reader1@example.org topic 1|cat:cs.CL", "reader2@example.org ",
                "reader3@example.org topic 3|cat:cs.CL", "reader4@example.org ", "reader5@example.org topic 5|cat:cs.CL");
        assertThat(pagesOfTwo).as("pages of 2, 2 and 1: subscribers and topics each").isEqualTo(6);
        assertThat(fiveInOnePage).isEqualTo(2);
        assertThat(sixInOnePage).isEqualTo(2);
    }

    @StoreTest
    void twoTopicsAddedAtOnceCannotTogetherPassTheLimit(Database db) throws Exception {
        Subscriptions subs = new Subscriptions(new SubscriberStore(db.jdbi()), ConfirmationMails.off(),
                new MovingClock(Instant.parse("2026-12-01T08:00:00Z")));
        List<Topic> nine = IntStream.rangeClosed(1, Topic.MAX_PER_SUBSCRIBER - 1).mapToObj(i -> new Topic("topic " + i)).toList();
        long id = subs.add(EmailAddress.of("reader@example.org"), Frequency.DAILY, nine, true).id();
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService tabs = Executors.newFixedThreadPool(2); // not the common pool: it may have one thread

        // the first addition has counted and inserted, and holds its transaction open
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> db.jdbi().inTransaction(h -> {
            boolean done = subs.store().addTopics(h, id, List.of(new Topic("tenth, from one tab")));
            added.countDown();
            awaitUninterruptibly(commit);
            return done;
        }), tabs);
        added.await();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> db.jdbi().inTransaction(
                h -> subs.store().addTopics(h, id, List.of(new Topic("tenth, from another tab")))), tabs);
        try {
            second.get(1, TimeUnit.SECONDS); // counted the nine already, unless it waits for the first
        } catch (TimeoutException waiting) {
            // it waits: as it should
        }
        commit.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).as("the second addition counts the first one's topic").isFalse();
        tabs.shutdown();
        List<String> topics = db.jdbi().withHandle(h -> subs.store().topics(h, id));
        assertThat(topics).hasSize(Topic.MAX_PER_SUBSCRIBER);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
