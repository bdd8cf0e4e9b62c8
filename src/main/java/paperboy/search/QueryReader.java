package paperboy.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Turns what a user typed into a Lucene query over title (boosted), abstract and authors. Lucene
 * syntax works ({@code "exact phrase"}, {@code -excluded}, {@code title:word}); text that does not
 * parse is searched again as plain words, with a notice saying so.
 */
final class QueryReader {
    private static final String[] FIELDS = {PaperDocuments.TITLE, PaperDocuments.SUMMARY, PaperDocuments.AUTHORS};
    private static final Map<String, Float> BOOSTS = Map.of(PaperDocuments.TITLE, 2.0f);

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A query and the notice to show with it, or a null query (with a notice) when there is nothing to search. */
    record Reading(Query query, String notice) {}

    Reading read(String text) {
        if (text.isEmpty()) {
            return new Reading(null, "Type a few words to search titles, abstracts and authors.");
        }
        if (text.length() > SearchRequest.MAX_QUERY_LENGTH) {
            return new Reading(null, "That query is longer than " + SearchRequest.MAX_QUERY_LENGTH
                    + " characters; shorten it.");
        }
        try {
            return accept(parser().parse(text), null);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            return readEscaped(text);
        }
    }

    private Reading readEscaped(String text) {
        String notice = "Your query could not be read as search syntax, so its words were searched as they are.";
        try {
            return accept(parser().parse(QueryParser.escape(text)), notice);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            return new Reading(null, "That query could not be searched: " + e.getMessage());
        }
    }

    private static Reading accept(Query query, String notice) {
        if (query == null || query.toString().isBlank()) {
            return new Reading(null, "That query has no searchable words (only very common words or symbols).");
        }
        return new Reading(query, notice);
    }

    private MultiFieldQueryParser parser() {
        // A new parser per query: QueryParser keeps per-parse state and is not thread-safe.
        var parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setSplitOnWhitespace(true);
        return parser;
    }
}
