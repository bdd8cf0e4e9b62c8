package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class KnownTermsTest {
    private final KnownTerms known = new KnownTerms(KnownTerms.WORDS);

    @Test
    void aQueryWithRememberedLookupsScoresAsTheQueryItself() throws IOException {
        try (var dir = new ByteBuffersDirectory(); var writer = writer(dir)) {
            add(writer, "a", "sparse attention for long documents");
            add(writer, "b", "attention is what transformers need");
            writer.commit(); // two segments: each word is looked up in both
            add(writer, "c", "long range attention with sparse kernels");
            add(writer, "d", "kernels for graph learning");
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query query = new BooleanQuery.Builder()
                        .add(term("sparse"), BooleanClause.Occur.SHOULD)
                        .add(new BoostQuery(term("attention"), 2f), BooleanClause.Occur.SHOULD)
                        .add(new BooleanQuery.Builder().add(term("kernels"), BooleanClause.Occur.SHOULD)
                                .add(term("absent"), BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.SHOULD)
                        .add(term("graph"), BooleanClause.Occur.MUST_NOT)
                        .build();
                for (int time = 0; time < 2; time++) {
                    assertThat(scores(searcher, known.of(searcher, query))).isEqualTo(scores(searcher, query));
                }
                // five words, looked up the first time and remembered the second
                assertThat(known.stats().missCount()).isEqualTo(5);
                assertThat(known.stats().hitCount()).isEqualTo(5);
            }
        }
    }

    @Test
    void aNewSnapshotLooksItsWordsUpAgain() throws IOException {
        try (var dir = new ByteBuffersDirectory(); var writer = writer(dir)) {
            add(writer, "a", "sparse attention");
            writer.commit();
            try (DirectoryReader first = DirectoryReader.open(dir)) {
                IndexSearcher before = new IndexSearcher(first);
                assertThat(hits(before, known.of(before, term("sparse")))).isEqualTo(1);
                add(writer, "b", "sparse kernels");
                writer.commit();
                try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
                    IndexSearcher after = new IndexSearcher(second);
                    assertThat(hits(after, known.of(after, term("sparse")))).isEqualTo(2);
                    // the old snapshot, still open, keeps its own lookups
                    assertThat(hits(before, known.of(before, term("sparse")))).isEqualTo(1);
                }
            }
            assertThat(known.stats().missCount()).isEqualTo(2);
        }
    }

    @Test
    void queriesOtherThanTermsAreLeftAsTheyAre() throws IOException {
        try (var dir = new ByteBuffersDirectory(); var writer = writer(dir)) {
            add(writer, "a", "sparse attention");
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query phrase = new PhraseQuery("text", "sparse", "attention");
                assertThat(known.of(searcher, phrase)).isSameAs(phrase);
                assertThat(known.stats().requestCount()).isZero();
            }
        }
    }

    private static IndexWriter writer(ByteBuffersDirectory dir) throws IOException {
        return new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
    }

    private static void add(IndexWriter writer, String id, String text) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField("text", text, Field.Store.NO));
        writer.addDocument(doc);
    }

    private static TermQuery term(String word) {
        return new TermQuery(new Term("text", word));
    }

    private static List<String> scores(IndexSearcher searcher, Query query) throws IOException {
        ScoreDoc[] docs = searcher.search(query, 10).scoreDocs;
        return Arrays.stream(docs).map(d -> d.doc + ":" + d.score).toList();
    }

    private static long hits(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, 10).totalHits.value();
    }
}
