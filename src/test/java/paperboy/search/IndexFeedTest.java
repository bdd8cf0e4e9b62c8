package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.lucene.store.AlreadyClosedException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.PaperStore;

/** An import handing its stored batches to the index through an {@link IndexFeed}, as {@code paperboy import} does. */
class IndexFeedTest {
    // 200 snapshot papers, then the 236 papers of the 10 day files: 11 batches, no paper in both.
    private static final int PAPERS = 436;

    @TempDir
    Path dir;
    private Database db;
    private PaperStore store;
    private PaperIndex index;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        index = new PaperIndex(dir.resolve("index"));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        db.close();
    }

    @Test
    void everyBatchAnImportStoresReachesTheIndex() throws Exception {
        try (IndexFeed feed = new IndexFeed(index, store)) {
            importer(feed).importPaths(List.of(Fixtures.copy("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl", dir),
                    Fixtures.copy("hf-days", dir)));
        }
        assertThat(store.count()).isEqualTo(PAPERS);

        assertThat(index.catchUp(store)).isZero(); // the feed left nothing to read back
        assertThat(index.size()).isEqualTo(PAPERS);
        assertThat(index.committedPosition().changeNo()).isEqualTo(store.lastChangeNo());
        assertThat(index.search(new SearchRequest("ConvLLaVA", 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void anIndexThatFailsStopsTheFeedButNotTheImportAndTheFailureIsThrownAtTheEnd() throws IOException {
        index.close(); // every write now fails
        IndexFeed feed = new IndexFeed(index, store);

        importFixturesAndMore(feed);

        assertThat(store.count()).isEqualTo(236 + IndexFeed.QUEUE * 3);
        assertThatThrownBy(feed::close).isInstanceOf(AlreadyClosedException.class);
    }

    @Test
    @Timeout(60) // before the feed caught Errors, the import waited forever on the full queue
    void anErrorInTheIndexStopsTheFeedButNotTheImportAndIsThrownAtTheEnd() throws IOException {
        // The feed's catch-ups read this store, whose every connection fails with an Error.
        PaperStore failing = new PaperStore(Jdbi.create(() -> {
            throw new StackOverflowError("too deep");
        }));
        IndexFeed feed = new IndexFeed(index, failing);

        importFixturesAndMore(feed);

        assertThat(store.count()).isEqualTo(236 + IndexFeed.QUEUE * 3);
        assertThatThrownBy(feed::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too deep").hasCauseInstanceOf(StackOverflowError.class);
        assertThat(index.catchUp(store)).isEqualTo(236 + IndexFeed.QUEUE * 3); // the index itself still works
    }

    /**
     * Imports the fixture days (10 batches), then hands over more one-paper batches than the
     * queue holds: a feed that stopped must not hold up the writer.
     */
    private void importFixturesAndMore(IndexFeed feed) throws IOException {
        importer(feed).importPaths(List.of(Fixtures.copy("hf-days", dir)));
        for (int i = 0; i < IndexFeed.QUEUE * 3; i++) {
            var update = List.of(paper("2609.%05d".formatted(i + 1)).update());
            feed.accept(db.jdbi().inTransaction(h -> store.write(h, update, "test")).changes());
        }
    }

    private Importer importer(IndexFeed feed) {
        return new Importer(new ImportLog(db.jdbi(), store, Clock.systemUTC(), feed),
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
