package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * Answers remembered per index snapshot: the same search on an unchanged index is answered from
 * memory, any change the index takes in is seen by the next search, and answers cut short by the
 * time budget are never kept.
 */
class RememberedAnswersTest {
    private Database db;
    private PaperStore store;
    private PaperIndex index;

    @BeforeEach
    void indexTwoPapers(@TempDir Path dir) {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        store.upsert(List.of(
                paper("2609.00001").title("Mamba for speech recognition").summary("A state space model listens.").update(),
                paper("2609.00002").title("Transformers for speech").summary("Attention hears everything.").update()), "test");
        index = new PaperIndex(dir.resolve("index"));
        index.catchUp(store);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        db.close();
    }

    @Test
    void theSameSearchOnAnUnchangedIndexIsAnsweredFromMemory() {
        SearchResults first = index.search(keyword("speech", 0));
        SearchResults again = index.search(keyword("speech", 0));

        assertThat(again).isEqualTo(first);
        assertThat(first.hits()).hasSize(2);
        assertThat(index.answerCounts()).isEqualTo(new PaperIndex.Remembered(1, 1));
    }

    @Test
    void anotherPageModeOrOrderIsAnotherSearch() {
        index.search(keyword("speech", 0));
        index.search(keyword("speech", 1));
        index.search(new SearchRequest("speech", SearchRequest.Mode.KEYWORD, null, SearchRequest.Sort.DATE, 0, 10));
        index.search(new SearchRequest("speech", SearchRequest.Mode.HYBRID, null, null, 0, 10));

        assertThat(index.answerCounts()).isEqualTo(new PaperIndex.Remembered(0, 4));
    }

    @Test
    void aChangeTheIndexTakesInIsSeenByTheNextSearch() {
        assertThat(index.search(keyword("speech", 0)).total()).isEqualTo(2);

        store.upsert(List.of(paper("2609.00003").title("Speech tokens at scale").summary("More speech.").update()), "test");
        index.catchUp(store);
        SearchResults after = index.search(keyword("speech", 0));

        assertThat(after.total()).isEqualTo(3);
        assertThat(after.hits()).extracting(SearchResults.Hit::id).contains(ArxivId.parse("2609.00003"));
        assertThat(index.answerCounts().hits()).isZero();
    }

    @Test
    void anAnswerCutShortByTheBudgetIsNotKept(@TempDir Path dir) throws IOException {
        try (SearchPool noTime = new SearchPool(1, Duration.ZERO);
                PaperIndex outOfTime = new PaperIndex(dir.resolve("spent"), Semantic.off(), noTime)) {
            outOfTime.catchUp(store);
            assertThat(outOfTime.search(keyword("speech", 0)).incomplete()).isTrue();
            assertThat(outOfTime.search(keyword("speech", 0)).incomplete()).isTrue();

            assertThat(outOfTime.answerCounts()).isEqualTo(new PaperIndex.Remembered(0, 2));
        }
    }

    @Test
    void itKeepsNoMoreCharactersThanItsBound() throws IOException {
        RememberedAnswers answers = new RememberedAnswers(2_000);
        AtomicInteger searched = new AtomicInteger();
        onOneDocument(searcher -> {
            for (int i = 0; i < 50; i++) {
                answers.answer(searcher, keyword("query " + i, 0), () -> {
                    searched.incrementAndGet();
                    return PAGE;
                });
            }
            answers.cleanUp();

            assertThat(searched).hasValue(50);
            assertThat(answers.size()).isBetween(1L, 2_000L / 364);
        });
    }

    @Test
    void aSearchAskedAgainWhileItRunsIsRunOnceAndSharedWithTheSecondAsker() throws Exception {
        RememberedAnswers answers = new RememberedAnswers(RememberedAnswers.CHARS);
        AtomicInteger searched = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        onOneDocument(searcher -> {
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<SearchResults> first = threads.submit(() -> answers.answer(searcher, keyword("mamba", 0), () -> {
                    searched.incrementAndGet();
                    running.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    return PAGE;
                }));
                running.await();
                Future<SearchResults> second = threads.submit(() -> answers.answer(searcher, keyword("mamba", 0), () -> {
                    searched.incrementAndGet();
                    return SearchResults.empty("searched twice");
                }));
                Thread.sleep(100); // the second asker is waiting for the first search by now
                finish.countDown();

                assertThat(second.get()).isSameAs(first.get()).isSameAs(PAGE);
                assertThat(searched).hasValue(1);
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static final SearchResults PAGE = new SearchResults(1, false, List.of(new SearchResults.Hit(
            ArxivId.parse("2609.00001"), 1, "x".repeat(100), "y".repeat(200))), null, SearchRequest.Mode.KEYWORD);

    private interface OnSearcher {
        void run(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} with a searcher over an index of one document (a snapshot with a version). */
    private static void onOneDocument(OnSearcher work) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("id", "2609.00001", StringField.Store.YES));
            writer.addDocument(doc);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                work.run(new IndexSearcher(reader));
            }
        }
    }

    private static SearchRequest keyword(String query, int offset) {
        return new SearchRequest(query, SearchRequest.Mode.KEYWORD, null, null, offset, 10);
    }
}
