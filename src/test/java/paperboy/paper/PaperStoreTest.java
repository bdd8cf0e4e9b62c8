package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.fromArxiv;
import static paperboy.paper.PaperBuilder.fromDailyPapers;
import static paperboy.paper.PaperBuilder.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import paperboy.db.Database;
import paperboy.db.StoreTest;

/** The papers table on SQLite and PostgreSQL: upserts, merging, featured days and the change order. */
class PaperStoreTest {

    private static ArxivId id(String s) {
        return ArxivId.parse(s);
    }

    @StoreTest
    void aStoredPaperIsFoundWithEveryField(Database db) {
        var store = new PaperStore(db.jdbi());
        Paper full = paper("2608.19880").version(3).title("EnvHarness: Awakening Static Worlds")
                .summary("We awaken worlds.").authors("Ana Pérez", "Bo Li").categories("cs.AI", "cs.LG")
                .published("2026-08-20").updated("2026-08-22").doi("10.1000/xyz")
                .githubRepo("https://github.com/google-research/envharness").githubStars(8).upvotes(163)
                .numComments(1).aiSummary("A summary.").aiKeywords("LLM agents", "EnvHarness").build();

        UpsertResult result = store.upsert(List.of(PaperUpdate.of(full)), "test");

        assertThat(result).isEqualTo(new UpsertResult(1, 0, 0));
        assertThat(store.find(full.id())).contains(full);
        assertThat(store.find(id("2608.00001"))).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    static final Paper.Showcase SHOWCASE = new Paper.Showcase(
            "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png",
            List.of("https://cdn-uploads.huggingface.co/production/uploads/a/b.mp4"),
            new Paper.Organization("5e6aca39878b8b2bf9806447", "google", "Google", "https://cdn-avatars.huggingface.co/g.png"),
            "thinkingmachines/Inkling-Small");

    @StoreTest
    void theShowcaseOfADailyPapersImportIsKeptAndSurvivesAnArxivUpdate(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(fromDailyPapers("2608.19880").showcase(SHOWCASE).featuredOn("2026-08-21")), "test");

        assertThat(store.find(id("2608.19880")).orElseThrow().showcase()).isEqualTo(SHOWCASE);

        store.upsert(List.of(fromArxiv("2608.19880").version(2).update()), "test");

        assertThat(store.find(id("2608.19880")).orElseThrow().showcase()).isEqualTo(SHOWCASE);
    }

    @StoreTest
    void aPaperIsFoundWhenLastFeatured(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(fromDailyPapers("2608.00001").featuredOn("2026-08-13", "2026-08-13T09:00:00Z"),
                fromDailyPapers("2608.00001").featuredOn("2026-08-19", "2026-08-19T10:00:00Z"),
                fromArxiv("2608.00002").update()), "test");

        assertThat(store.lastFeaturedAt(List.of(id("2608.00001"), id("2608.00002"))))
                .containsExactly(java.util.Map.entry(id("2608.00001"), java.time.Instant.parse("2026-08-19T10:00:00Z")));
    }

    @StoreTest
    void findAllKeepsTheOrderAskedForAndLeavesOutUnknownIds(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(paper("2608.00001").update(), paper("2608.00002").update()), "test");

        assertThat(store.findAll(List.of(id("2608.00002"), id("2608.00009"), id("2608.00001"))))
                .extracting(p -> p.id().value()).containsExactly("2608.00002", "2608.00001");
    }

    @StoreTest
    void reDeliveringTheSameBatchChangesNothing(Database db) {
        var store = new PaperStore(db.jdbi());
        List<PaperUpdate> batch = List.of(fromDailyPapers("2608.00001").featuredOn("2026-08-21"),
                fromArxiv("2608.00002").update(), fromDailyPapers("2608.00003").featuredOn("2026-08-21"));
        store.upsert(batch, "test");
        List<Change> before = store.changesSince(Change.Position.START, 100);
        long changeNo = store.lastChangeNo();

        UpsertResult again = store.upsert(batch, "test");

        assertThat(again).isEqualTo(new UpsertResult(0, 0, 3));
        assertThat(store.lastChangeNo()).isEqualTo(changeNo);
        assertThat(store.changesSince(Change.Position.START, 100)).isEqualTo(before);
        assertThat(store.changesSince(before.getLast().position(), 100)).isEmpty();
    }

    @StoreTest
    void aDailyPapersRecordKeepsTheCategoriesTheArxivSnapshotGave(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(fromArxiv("2608.00001").version(1).update()), "test");

        UpsertResult result = store.upsert(List.of(fromDailyPapers("2608.00001").version(2).title("New title")
                .featuredOn("2026-08-21")), "test");

        Paper merged = store.find(id("2608.00001")).orElseThrow();
        assertThat(result).isEqualTo(new UpsertResult(0, 1, 0));
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.title()).isEqualTo("New title");
        assertThat(merged.categories()).containsExactly("cs.CL", "cs.LG");
        assertThat(merged.bibliography().doi()).isEqualTo("10.1000/2608.00001");
        assertThat(merged.publishedAt()).isEqualTo(fromArxiv("2608.00001").build().publishedAt());
        assertThat(merged.community().upvotes()).isEqualTo(10);
        assertThat(merged.links().githubRepo()).isEqualTo("https://github.com/example/2608.00001");
    }

    @StoreTest
    void anArxivRecordKeepsTheUpvotesAndLinksTheDailyPapersGave(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(fromDailyPapers("2608.00001").version(1).featuredOn("2026-08-21")), "test");

        store.upsert(List.of(fromArxiv("2608.00001").version(2).title("Arxiv title").update()), "test");

        Paper merged = store.find(id("2608.00001")).orElseThrow();
        assertThat(merged.title()).isEqualTo("Arxiv title");
        assertThat(merged.categories()).containsExactly("cs.CL", "cs.LG");
        assertThat(merged.community().upvotes()).isEqualTo(10);
        assertThat(merged.community().aiKeywords()).containsExactly("agents");
        assertThat(merged.links().githubRepo()).isEqualTo("https://github.com/example/2608.00001");
        assertThat(store.featuredDays(merged.id())).containsExactly(LocalDate.parse("2026-08-21"));
    }

    @StoreTest
    void anOlderVersionDoesNotOverwriteTheTitleOfANewerOne(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(paper("2608.00001").version(3).title("Version three").update()), "test");

        store.upsert(List.of(paper("2608.00001").version(1).title("Version one").update()), "test");

        Paper stored = store.find(id("2608.00001")).orElseThrow();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.title()).isEqualTo("Version three");
    }

    @StoreTest
    void upvotesNeverGoDown(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(paper("2608.00001").upvotes(40).featuredOn("2026-08-20")), "test");

        UpsertResult lower = store.upsert(List.of(paper("2608.00001").upvotes(12).featuredOn("2026-08-20")), "test");
        assertThat(lower.unchanged()).isEqualTo(1);
        assertThat(store.find(id("2608.00001")).orElseThrow().community().upvotes()).isEqualTo(40);

        store.upsert(List.of(paper("2608.00001").upvotes(55).featuredOn("2026-08-20")), "test");
        assertThat(store.find(id("2608.00001")).orElseThrow().community().upvotes()).isEqualTo(55);
    }

    @StoreTest
    void featuredDaysAreRecordedAcrossBatches(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(paper("2608.00001").featuredOn("2026-08-20")), "test");
        store.upsert(List.of(paper("2608.00001").featuredOn("2026-08-14")), "test");

        assertThat(store.featuredDays(id("2608.00001")))
                .containsExactly(LocalDate.parse("2026-08-14"), LocalDate.parse("2026-08-20"));
    }

    @StoreTest
    void aPaperFeaturedOnTwoDaysOfOneBatchKeepsBothDays(Database db) {
        var store = new PaperStore(db.jdbi());

        UpsertResult result = store.upsert(List.of(paper("2608.00001").upvotes(3).featuredOn("2026-08-13"),
                paper("2608.00002").featuredOn("2026-08-13"),
                paper("2608.00001").upvotes(9).featuredOn("2026-08-19")), "test");

        assertThat(result).isEqualTo(new UpsertResult(2, 0, 0));
        assertThat(store.featuredDays(id("2608.00001")))
                .containsExactly(LocalDate.parse("2026-08-13"), LocalDate.parse("2026-08-19"));
        assertThat(store.find(id("2608.00001")).orElseThrow().community().upvotes()).isEqualTo(9);
    }

    @StoreTest
    void featuringAKnownUnchangedPaperGivesItANewChangeNumber(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(fromArxiv("2608.00001").update(), fromArxiv("2608.00002").update()), "test");
        Change.Position seen = store.changesSince(Change.Position.START, 100).getLast().position();

        UpsertResult result = store.upsert(List.of(fromArxiv("2608.00001").featuredOn("2026-08-21")), "test");

        assertThat(result).isEqualTo(new UpsertResult(0, 0, 1));
        List<Change> changes = store.changesSince(seen, 100);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.paper().id().value()).isEqualTo("2608.00001");
            assertThat(c.firstFeatured()).isEqualTo(LocalDate.parse("2026-08-21"));
            assertThat(c.position().changeNo()).isGreaterThan(seen.changeNo());
        });
    }

    @StoreTest
    void aWriteHandsOverTheChangesAFollowerWouldReadBack(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(fromArxiv("2608.00001").featuredOn("2026-08-20")), "test");
        Change.Position seen = store.changesSince(Change.Position.START, 100).getLast().position();

        PaperStore.Written written = db.jdbi().inTransaction(h -> store.write(h, List.of(
                fromArxiv("2608.00003").update(),
                fromArxiv("2608.00002").featuredOn("2026-08-22"),
                fromArxiv("2608.00002").featuredOn("2026-08-21"),
                fromArxiv("2608.00001").version(2).title("Revised").featuredOn("2026-08-23")), "test"));

        assertThat(written.counts()).isEqualTo(new UpsertResult(2, 1, 0));
        // The same papers, featured days and positions, in the same order: a new paper's first day
        // comes from the batch, a known one's from the featured table.
        assertThat(written.changes()).isEqualTo(store.changesSince(seen, 100));
        assertThat(written.changes()).extracting(Change::firstFeatured).containsExactly(
                LocalDate.parse("2026-08-20"), LocalDate.parse("2026-08-21"), null);
        PaperStore.Written again = db.jdbi().inTransaction(h -> store.write(h, List.of(fromArxiv("2608.00003").update()), "test"));
        assertThat(again).isEqualTo(new PaperStore.Written(new UpsertResult(0, 0, 1), List.of()));
    }

    @StoreTest
    void changesSincePagesThroughEveryWriteOnceInOrder(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(ids(1, 7).stream().map(i -> paper(i).update()).toList(), "test");
        store.upsert(ids(8, 12).stream().map(i -> paper(i).update()).toList(), "test");
        // Rewriting a paper of the first batch moves it to the end of the change order.
        store.upsert(List.of(paper("2608.00003").title("Rewritten").update()), "test");

        List<String> seen = new ArrayList<>();
        List<Change.Position> positions = new ArrayList<>();
        Change.Position position = Change.Position.START;
        for (List<Change> page = store.changesSince(position, 3); !page.isEmpty();
                page = store.changesSince(position, 3)) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            page.forEach(c -> {
                seen.add(c.paper().id().value());
                positions.add(c.position());
            });
            position = page.getLast().position();
        }

        List<String> expected = new ArrayList<>(ids(1, 12));
        expected.remove("2608.00003");
        expected.add("2608.00003");
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(positions).extracting(Change.Position::changeNo).isSorted();
        assertThat(positions.getLast().changeNo()).isEqualTo(store.lastChangeNo());
    }

    @StoreTest
    void newestPagesOverEveryPaperOnceWithOrWithoutAPublishedDate(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(
                paper("2608.00001").published("2026-08-01").update(),
                paper("2608.00002").published("2026-08-03").update(),
                paper("2608.00003").published("2026-08-03").update(),
                paper("2608.00004").published(null).update(),
                paper("2608.00005").published("2026-07-30").update(),
                paper("2608.00006").published(null).update(),
                paper("2608.00007").published("2026-08-03").update()), "test");

        List<String> seen = new ArrayList<>();
        PaperStore.IndexCursor cursor = null;
        for (List<Paper> page = store.newest(cursor, 2); !page.isEmpty(); page = store.newest(cursor, 2)) {
            page.forEach(p -> seen.add(p.id().value()));
            cursor = PaperStore.IndexCursor.after(page.getLast());
        }

        // Newest first, ties by id descending, papers without a date last.
        assertThat(seen).containsExactly("2608.00007", "2608.00003", "2608.00002", "2608.00001", "2608.00005",
                "2608.00006", "2608.00004");
    }

    @StoreTest
    void anEmptyBatchWritesNothing(Database db) {
        var store = new PaperStore(db.jdbi());

        assertThat(store.upsert(List.of(), "test")).isEqualTo(UpsertResult.NONE);
        assertThat(store.lastChangeNo()).isZero();
        assertThat(store.changesSince(Change.Position.START, 10)).isEmpty();
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("2608.%05d", i)).toList();
    }
}
