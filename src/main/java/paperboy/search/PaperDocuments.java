package paperboy.search;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
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
    static final String SUMMARY = "summary";
    static final String AUTHORS = "authors";
    static final String CATEGORY = "category";
    static final String PUBLISHED = "published";
    static final String FEATURED = "featured";
    static final String UPVOTES = "upvotes";
    /** Title and abstract as one field: what a query without field names searches (scored best on SciFact). */
    static final String TEXT = "text";
    /** The id again, as doc values, to break ranking ties by id. */
    static final String ID_ORDER = "id_order";
    static final String VECTOR = "vector";
    /** Present (as "true") on papers arXiv withdrew; related papers leave them out. */
    static final String WITHDRAWN = "withdrawn";
    /**
     * The version of the fields and analyzers above. An index written with another version is
     * rebuilt from the store when it is opened for writing (see {@link PaperIndex#catchUp}).
     */
    static final String FORMAT = "3";

    /**
     * Title and abstract are stored (the highlighter reads them back) and indexed with offsets
     * in the postings, which lets the unified highlighter skip re-analysing the text per hit.
     */
    private static final FieldType HIGHLIGHTED_TEXT = highlightedText();

    private PaperDocuments() {}

    /** English stemming for prose; authors keep their spelling (no stemming of names); stop words go in both. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
                AUTHORS, new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
                CATEGORY, new CategoryAnalyzer()));
    }

    /** The document of a paper, with its semantic vector when it has one (null otherwise). */
    static Document document(Change change, float[] vector, Analyzer analyzer) {
        Paper p = change.paper();
        Document doc = new Document();
        doc.add(new StringField(ID, p.id().value(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_ORDER, new BytesRef(p.id().value())));
        // Title and abstract are analysed once each; the joined field replays their tokens.
        AnalysedText title = AnalysedText.of(analyzer, TITLE, p.title());
        AnalysedText summary = AnalysedText.of(analyzer, SUMMARY, p.summary());
        doc.add(new PreAnalysed(TITLE, p.title(), HIGHLIGHTED_TEXT, title.stream()));
        doc.add(new PreAnalysed(SUMMARY, p.summary(), HIGHLIGHTED_TEXT, summary.stream()));
        doc.add(new Field(TEXT, AnalysedText.joined(title, summary), TextField.TYPE_NOT_STORED));
        doc.add(new Field(AUTHORS, String.join("; ", p.authors()), TextField.TYPE_NOT_STORED));
        for (String category : categoryTerms(p.categories())) {
            doc.add(new StringField(CATEGORY, category, Field.Store.NO));
        }
        if (p.withdrawnAt() != null) {
            doc.add(new StringField(WITHDRAWN, "true", Field.Store.NO));
        }
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        if (p.publishedAt() != null) {
            doc.add(new LongField(PUBLISHED, p.publishedAt().toEpochMilli(), Field.Store.NO));
        }
        LocalDate featured = change.firstFeatured();
        if (featured != null) {
            doc.add(new LongField(FEATURED, featured.toEpochDay(), Field.Store.NO));
        }
        doc.add(new IntField(UPVOTES, p.community().upvotes(), Field.Store.NO));
        return doc;
    }

    /** A stored text field whose tokens were analysed already. */
    private static final class PreAnalysed extends Field {
        private final TokenStream tokens;

        PreAnalysed(String name, String value, FieldType type, TokenStream tokens) {
            super(name, value, type);
            this.tokens = tokens;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return tokens;
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

    private static FieldType highlightedText() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
