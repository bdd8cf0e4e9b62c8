package paperboy.search;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import paperboy.paper.Change;
import paperboy.paper.Paper;

/** How a paper becomes a Lucene document, and the analyzers that read its fields. */
final class PaperDocuments {
    static final String ID = "id";
    static final String TITLE = "title";
    /** The abstract, stored for the highlighter only: its words are searched in {@link #TEXT}. */
    static final String SUMMARY = "summary";
    static final String AUTHORS = "authors";
    static final String CATEGORY = "category";
    static final String PUBLISHED = "published";
    static final String FEATURED = "featured";
    static final String UPVOTES = "upvotes";
    /**
     * Abstract and title as one field, in that order: what a query without field names searches
     * (scored best on SciFact), and what {@code abstract:} searches within the abstract's positions
     * (see {@link AbstractQueries}). The abstract comes first so that its offsets are those of the
     * stored abstract, which the highlighter marks.
     */
    static final String TEXT = "text";
    /**
     * Positions between the abstract and the title in {@link #TEXT}: no phrase spans the two, and
     * a position below this is in the abstract (an abstract longer than this many words is
     * searched whole by plain queries, and by {@code abstract:} up to here).
     */
    static final int TITLE_GAP = 10_000;
    /** The id again, as doc values, to break ranking ties by id. */
    static final String ID_ORDER = "id_order";
    /** The vector fields are named after the model (and window) that made them: see {@link #vectorField}. */
    private static final String VECTOR = "vector:";
    /** Present (as "true") on papers arXiv withdrew; related papers leave them out. */
    static final String WITHDRAWN = "withdrawn";
    /**
     * The version of the fields and analyzers above. An index written with another version is
     * rebuilt from the store when it is opened for writing (see {@link PaperIndex#catchUp}).
     */
    static final String FORMAT = "5";

    /**
     * The field of one model's vectors: while a newly configured model embeds the papers, the old
     * one's vectors keep answering, so a document may carry both.
     */
    static String vectorField(String modelKey) {
        return VECTOR + modelKey;
    }

    /**
     * The title is stored (the highlighter reads it back) and indexed with offsets in the
     * postings, which lets the unified highlighter skip re-analysing the text per hit.
     */
    private static final FieldType STORED_WITH_OFFSETS = withOffsets(true);
    /** Abstract and title: offsets for the highlighter, the text itself is stored as {@link #SUMMARY} and {@link #TITLE}. */
    private static final FieldType WITH_OFFSETS = withOffsets(false);

    private PaperDocuments() {}

    /** English stemming for prose; authors keep their spelling (no stemming of names); stop words go in both. */
    static Analyzer analyzer() {
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(english, Map.of(
                TEXT, new GapAnalyzer(english, TITLE_GAP),
                AUTHORS, new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
                CATEGORY, new CategoryAnalyzer()));
    }

    /** The document of a paper, with the semantic vectors it has (by {@link #vectorField}). */
    static Document document(Change change, Map<String, float[]> vectors) {
        Paper p = change.paper();
        Document doc = new Document();
        doc.add(new StringField(ID, p.id().value(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_ORDER, new BytesRef(p.id().value())));
        doc.add(new Field(TITLE, p.title(), STORED_WITH_OFFSETS));
        doc.add(new StoredField(SUMMARY, p.summary()));
        doc.add(new Field(TEXT, p.summary(), WITH_OFFSETS));
        doc.add(new Field(TEXT, p.title(), WITH_OFFSETS));
        doc.add(new Field(AUTHORS, String.join("; ", p.authors()), TextField.TYPE_NOT_STORED));
        for (String category : categoryTerms(p.categories())) {
            doc.add(new StringField(CATEGORY, category, Field.Store.NO));
        }
        if (p.withdrawnAt() != null) {
            doc.add(new StringField(WITHDRAWN, "true", Field.Store.NO));
        }
        vectors.forEach((field, vector) ->
                doc.add(new KnnFloatVectorField(field, vector, VectorSimilarityFunction.DOT_PRODUCT)));
        if (p.publishedAt() != null) {
            doc.add(new LongField(PUBLISHED, p.publishedAt().toEpochMilli(), Field.Store.NO));
        }
        LocalDate featured = change.firstFeatured();
        if (featured != null) {
            doc.add(new LongField(FEATURED, featured.toEpochDay(), Field.Store.NO));
        }
        doc.add(new IntField(UPVOTES, p.community().totalUpvotes(), Field.Store.NO));
        return doc;
    }

    /** An analyzer with a gap of positions between the values of a field. */
    private static final class GapAnalyzer extends DelegatingAnalyzerWrapper {
        private final Analyzer analyzer;
        private final int gap;

        GapAnalyzer(Analyzer analyzer, int gap) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.analyzer = analyzer;
            this.gap = gap;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return analyzer;
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return gap;
        }
    }

    /**
     * Categories in lower case, each also under its archive ({@code cs.CL} gives {@code cs.cl} and
     * {@code cs}), so that {@code cat:cs} finds all of computer science.
     */
    static Set<String> categoryTerms(List<String> categories) {
        Set<String> terms = new LinkedHashSet<>();
        for (String category : categories) {
            String c = category.toLowerCase(Locale.ROOT);
            terms.add(c);
            int dot = c.indexOf('.');
            if (dot > 0) {
                terms.add(c.substring(0, dot));
            }
        }
        return terms;
    }

    private static FieldType withOffsets(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
