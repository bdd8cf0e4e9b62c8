package paperboy.search;

import java.time.LocalDate;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
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

    /**
     * Title and abstract are stored (the highlighter reads them back) and indexed with offsets
     * in the postings, which lets the unified highlighter skip re-analysing the text per hit.
     */
    private static final FieldType HIGHLIGHTED_TEXT = highlightedText();

    private PaperDocuments() {}

    /** English stemming for prose; authors keep their spelling (no stemming of names). */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(AUTHORS, new StandardAnalyzer()));
    }

    static Document document(Change change) {
        Paper p = change.paper();
        Document doc = new Document();
        doc.add(new StringField(ID, p.id().value(), Field.Store.YES));
        doc.add(new Field(TITLE, p.title(), HIGHLIGHTED_TEXT));
        doc.add(new Field(SUMMARY, p.summary(), HIGHLIGHTED_TEXT));
        doc.add(new Field(AUTHORS, String.join("; ", p.authors()), org.apache.lucene.document.TextField.TYPE_NOT_STORED));
        for (String category : p.categories()) {
            doc.add(new StringField(CATEGORY, category, Field.Store.NO));
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

    private static FieldType highlightedText() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
