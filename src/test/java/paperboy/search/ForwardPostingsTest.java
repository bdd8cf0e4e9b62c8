package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Marks made through {@link ForwardPostings} are the highlighter's own, over several segments. */
class ForwardPostingsTest {
    private static final String[] WORDS = {"quokka", "wombat", "attention", "graph", "token", "expert", "the", "of"};
    private static final String[] FIELDS = {"title", "text"};

    @Test
    void marksEveryDocumentAsTheHighlightersOwnPostingsStrategyDoes() throws IOException {
        Random random = new Random(11);
        Analyzer analyzer = new StandardAnalyzer();
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int doc = 0; doc < 300; doc++) {
                writer.addDocument(document(random));
                if (doc % 37 == 0) {
                    writer.commit(); // several segments, some lacking some words
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSizeGreaterThan(5);
                for (int round = 0; round < 60; round++) {
                    Query query = query(random);
                    TopDocs top = searcher.search(query, 40);
                    Map<String, String[]> ours = highlighter(searcher, analyzer, true).highlightFields(FIELDS, query, top, new int[] {1, 2});
                    Map<String, String[]> lucenes = highlighter(searcher, analyzer, false).highlightFields(FIELDS, query, top, new int[] {1, 2});
                    for (String field : FIELDS) {
                        assertThat(ours.get(field)).as("%s for %s", field, query).containsExactly(lucenes.get(field));
                    }
                }
                assertThat(forwardUsed[0]).isGreaterThan(60);
            }
        }
    }

    private final int[] forwardUsed = {0};

    private UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer analyzer, boolean forward) {
        var builder = new UnifiedHighlighter.Builder(searcher, analyzer).withWeightMatches(false).withMaxNoHighlightPassages(0);
        return new UnifiedHighlighter(builder) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                if (forward && source == OffsetSource.POSTINGS) { // NONE_NEEDED for a field the query lacks
                    assertThat(ForwardPostings.fits(components)).isTrue();
                    forwardUsed[0]++;
                    return new ForwardPostings(components);
                }
                return super.getOffsetStrategy(source, components);
            }
        };
    }

    private static Query query(Random random) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            String field = FIELDS[random.nextInt(FIELDS.length)];
            any.add(new TermQuery(new Term(field, WORDS[random.nextInt(6)])), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private static Document document(Random random) {
        FieldType withOffsets = new FieldType();
        withOffsets.setTokenized(true);
        withOffsets.setStored(true);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        withOffsets.freeze();
        Document doc = new Document();
        doc.add(new Field("title", sentence(random, 3 + random.nextInt(5)), withOffsets));
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 1 + random.nextInt(6); s++) {
            text.append(sentence(random, 4 + random.nextInt(12))).append(". ");
        }
        doc.add(new Field("text", text.toString(), withOffsets));
        return doc;
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < words; w++) {
            // the first words are rarer, so that some segments lack them
            String word = random.nextInt(4) == 0 ? WORDS[random.nextInt(2)] : WORDS[2 + random.nextInt(WORDS.length - 2)];
            sentence.append(w == 0 ? "" : " ").append(word);
        }
        return sentence.toString();
    }
}
