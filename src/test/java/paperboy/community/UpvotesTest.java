package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static paperboy.paper.PaperBuilder.paper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.feed.Feed;
import paperboy.feed.Period;
import paperboy.paper.ArxivId;
import paperboy.paper.FeaturedStore;

/** Members' upvotes on SQLite and PostgreSQL: one per member and paper, added to the imported count. */
class UpvotesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-21T12:00:00Z"), ZoneOffset.UTC);
    static final ArxivId PAPER = new ArxivId("2608.00001");

    @StoreTest
    void aMembersUpvoteAddsToTheImportedCountAndTogglesBack(Database db) {
        try (var c = new Community(db, CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").upvotes(10).featuredOn("2026-08-21"));

            assertThat(c.upvotes.toggle(7, PAPER)).isEqualTo(new Vote(true, 11));
            assertThat(c.upvotes.set(7, PAPER, true)).isEqualTo(new Vote(true, 11));
            assertThat(c.papers.find(PAPER).orElseThrow().community().upvotes()).isEqualTo(10);
            assertThat(c.upvotes.upvotedBy(7, List.of(PAPER))).containsExactly(PAPER);

            assertThat(c.upvotes.toggle(7, PAPER)).isEqualTo(new Vote(false, 10));
            assertThat(c.upvotes.upvotedBy(7, List.of(PAPER))).isEmpty();
        }
    }

    @StoreTest
    void aReimportWithAHigherHuggingFaceCountKeepsTheMembersVotesOnTop(Database db) {
        try (var c = new Community(db, CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").upvotes(10).featuredOn("2026-08-21"));
            c.upvotes.set(1, PAPER, true);
            c.upvotes.set(2, PAPER, true);

            c.store(paper("2608.00001").upvotes(15).featuredOn("2026-08-21"));

            assertThat(c.papers.find(PAPER).orElseThrow().community().totalUpvotes()).isEqualTo(17);
        }
    }

    @StoreTest
    void listsRankByTheTotalAndEveryVoteTakesAChangeNumber(Database db) {
        try (var c = new Community(db, CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").upvotes(1).featuredOn("2026-08-21"),
                    paper("2608.00002").upvotes(2).featuredOn("2026-08-21"));
            long before = c.papers.lastChangeNo();

            c.upvotes.set(1, PAPER, true);
            c.upvotes.set(2, PAPER, true);

            assertThat(c.papers.lastChangeNo()).isEqualTo(before + 2);
            var list = new Feed(new FeaturedStore(db.jdbi()), CLOCK)
                    .list(new Period.Day(LocalDate.of(2026, 8, 21)), Feed.Sort.UPVOTES, 0, 10);
            assertThat(list.papers()).extracting(f -> f.paper().id().value()).containsExactly("2608.00001", "2608.00002");
        }
    }

    @StoreTest
    void parallelUpvotesOfOneMemberCountOnce(Database db) throws Exception {
        try (var c = new Community(db, CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").upvotes(3).featuredOn("2026-08-21"));
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Vote>> votes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long member = i % 2 + 1; // two members, four requests each
                votes.add(pool.submit(() -> {
                    start.await();
                    return c.upvotes.set(member, PAPER, true);
                }));
            }
            start.countDown();
            for (Future<Vote> v : votes) {
                assertThat(v.get().upvoted()).isTrue();
            }
            pool.shutdown();

            assertThat(c.upvotes.countFor(PAPER)).isEqualTo(2);
            assertThat(c.papers.find(PAPER).orElseThrow().community().totalUpvotes()).isEqualTo(5);
        }
    }

    @StoreTest
    void aBannedMemberCannotUpvoteAndAnUnknownPaperIsRefused(Database db) {
        try (var c = new Community(db, CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").featuredOn("2026-08-21"));
            c.moderation.ban(99, 7, "spam");

            assertThatThrownBy(() -> c.upvotes.set(7, PAPER, true)).isInstanceOf(Banned.class);
            assertThatThrownBy(() -> c.upvotes.set(8, new ArxivId("2608.09999"), true)).isInstanceOf(UnknownPaper.class);
            assertThat(c.upvotes.countFor(PAPER)).isZero();
        }
    }
}
