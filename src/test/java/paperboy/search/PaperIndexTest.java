package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * The Lucene index on a temp folder following a SQLite store that holds the daily-papers fixtures:
 * catching up, rebuilding, and resuming after a restart. Searching is in {@link PaperSearchTest}.
 */
class PaperIndexTest {
    // Distinct ids in the 10 day files, counted with python3 -c "import json,glob;
    // print(len({e['paper']['id'] for f in glob.glob('hf-days/*.json') for e in json.load(open(f))}))"
    private static final int HF_PAPERS = 236;

    @TempDir
    Path dir;
    private Database db;
    private PaperStore store;
    private PaperIndex index;

    @BeforeEach
    void importFixtures() throws IOException {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        new Importer(new ImportLog(db.jdbi(), store, java.time.Clock.systemUTC()),
                new PrintStream(OutputStream.nullOutputStream()))
                .importPaths(List.of(Fixtures.copy("hf-days", dir)));
        index = new PaperIndex(dir.resolve("index"));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        db.close();
    }

    @Test
    void catchUpIndexesEveryPaperOnceAndThenNothing() {
        assertThat(index.catchUp(store)).isEqualTo(HF_PAPERS);
        assertThat(index.size()).isEqualTo(HF_PAPERS);

        assertThat(index.catchUp(store)).isZero();
        assertThat(index.size()).isEqualTo(HF_PAPERS);
    }

    @Test
    void rebuildIndexesTheSamePapers() {
        index.catchUp(store);

        assertThat(index.rebuild(store)).isEqualTo(HF_PAPERS);
        assertThat(index.size()).isEqualTo(HF_PAPERS);
        assertThat(search("ConvLLaVA").total()).isEqualTo(1);
    }

    @Test
    void afterARestartTheIndexResumesFromItsCommittedPosition() throws IOException {
        index.catchUp(store);
        Change.Position position = index.committedPosition();
        assertThat(position.changeNo()).isEqualTo(store.lastChangeNo());
        index.close();

        index = new PaperIndex(dir.resolve("index"));

        assertThat(index.committedPosition()).isEqualTo(position);
        assertThat(index.size()).isEqualTo(HF_PAPERS);
        assertThat(index.catchUp(store)).isZero();

        store.upsert(List.of(paper("2608.99998").title("Quokka routing for sparse experts").update()), "test");
        assertThat(index.catchUp(store)).isEqualTo(1);
        assertThat(index.size()).isEqualTo(HF_PAPERS + 1);
        assertThat(search("quokka").hits()).extracting(h -> h.id().value()).containsExactly("2608.99998");
    }

    @Test
    void anIndexWrittenByAnotherVersionIsRebuiltOnItsNextCatchUp() throws IOException {
        index.catchUp(store);
        index.close();
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
                var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
            var data = new java.util.HashMap<String, String>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            data.put("paperboy.format", "1"); // as if an older Paperboy had written it
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
        index = new PaperIndex(dir.resolve("index"));

        assertThat(index.catchUp(store)).isEqualTo(HF_PAPERS);
        assertThat(index.size()).isEqualTo(HF_PAPERS);
        assertThat(index.catchUp(store)).isZero();
    }

    @Test
    void followTakesAHandedOverWriteAsItIsWhenItComesNext() {
        index.catchUp(store);
        PaperStore.Written written = write(paper("2608.99998").title("Quokka routing for sparse experts"));
        // What the index is handed, not what it could read back, is what it indexes: a title
        // changed in the hand-over shows that the store was not asked.
        Change handed = written.changes().getFirst();
        Change renamed = new Change(paper("2608.99998").title("Wombat routing").build(), null, handed.position());

        index.follow(store, List.of(renamed));
        index.catchUp(store); // commits, and finds nothing more to read

        assertThat(search("wombat").hits()).extracting(h -> h.id().value()).containsExactly("2608.99998");
        assertThat(search("quokka").total()).isZero();
        assertThat(index.committedPosition()).isEqualTo(handed.position());
    }

    @Test
    void followCatchesUpFromTheStoreWhenAWriteWasMissedOrTheIndexHasNotLookedYet() {
        // A fresh index has not caught up: it cannot know what came before the handed write.
        PaperStore.Written first = write(paper("2608.99997").title("Numbat attention"));
        index.follow(store, first.changes());
        assertThat(index.size()).isEqualTo(HF_PAPERS + 1);

        write(paper("2608.99998").title("Quokka routing")); // never handed over
        PaperStore.Written third = write(paper("2608.99999").title("Wombat decoding"));
        index.follow(store, third.changes());

        assertThat(index.size()).isEqualTo(HF_PAPERS + 3);
        assertThat(search("quokka").total()).isEqualTo(1);
    }

    @Test
    void followPassesOverAWriteTheIndexHoldsAlreadyAndNeverGoesBackToAnOlderVersion() {
        PaperStore.Written old = write(paper("2608.99998").title("Quokka routing"));
        write(paper("2608.99998").version(2).title("Quokka routing, revised with kangaroos"));
        index.catchUp(store);

        index.follow(store, old.changes()); // late, and older than what the index has
        index.catchUp(store);

        assertThat(search("kangaroos").total()).isEqualTo(1);
    }

    @Test
    void handedOverWritesOfOnePaperEndWithItsLastVersionThoughSeveralAreInFlight() {
        index.catchUp(store);
        for (int i = 1; i <= 40; i++) {
            // Each write of the paper is a batch of its own, with other papers around it.
            index.follow(store, write(List.of(paper("2608.99990").version(i).title("Quokka draft" + i),
                    paper("2608.9999" + (i % 9 + 1)).version(i).title("Wombat " + i))).changes());
        }
        index.catchUp(store);

        assertThat(search("draft40").hits()).extracting(h -> h.id().value()).containsExactly("2608.99990");
        assertThat(search("draft39").total()).isZero();
        assertThat(search("quokka").total()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(HF_PAPERS + 10);
    }

    @Test
    void aRevisedAbstractIsMarkedInItsNewWordsOnceIndexed() {
        write(paper("2608.99998").title("Quokka routing").summary("Experts route tokens through a quokka gate."));
        index.catchUp(store);
        assertThat(search("quokka").hits().getFirst().snippetHtml()).contains("<mark>quokka</mark> gate");

        write(paper("2608.99998").version(2).title("Quokka routing")
                .summary("Revised: the quokka now routes by kangaroo votes."));
        index.catchUp(store);

        assertThat(search("quokka").hits().getFirst().snippetHtml())
                .contains("<mark>quokka</mark> now routes by kangaroo votes")
                .doesNotContain("gate");
    }

    private PaperStore.Written write(List<paperboy.paper.PaperBuilder> papers) {
        var updates = papers.stream().map(paperboy.paper.PaperBuilder::update).toList();
        return db.jdbi().inTransaction(h -> store.write(h, updates, "test"));
    }

    private PaperStore.Written write(paperboy.paper.PaperBuilder paper) {
        return db.jdbi().inTransaction(h -> store.write(h, List.of(paper.update()), "test"));
    }

    private SearchResults search(String query) {
        return index.search(new SearchRequest(query, 0, SearchRequest.MAX_LIMIT));
    }
}
