package paperboy.harvest;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import paperboy.config.ConfigException;
import paperboy.paper.Paper;

/**
 * Which newly harvested papers go on the daily list by themselves ({@code PAPERBOY_FEATURE_CATEGORIES},
 * {@code PAPERBOY_FEATURE_QUERY}): a paper in any of the categories ("cs" also takes every "cs.*"),
 * and, when a query is set, matching it. The query is run against the one paper in a Lucene
 * {@link MemoryIndex}, with the same English analysis the search box uses, so "transformer" finds
 * "transformers".
 */
public final class FeatureRule {
    private static final String TITLE = "title";
    private static final String ABSTRACT = "abstract";
    private static final String AUTHORS = "authors";

    private final List<String> categories;
    private final String queryText;
    private final Query query;
    private final Analyzer analyzer = new EnglishAnalyzer();

    private FeatureRule(List<String> categories, String queryText) {
        this.categories = List.copyOf(categories);
        this.queryText = queryText;
        this.query = queryText == null ? null : parse(queryText);
    }

    /** @throws ConfigException naming {@code PAPERBOY_FEATURE_QUERY} when the query does not parse */
    public static FeatureRule of(List<String> categories, String query) {
        return new FeatureRule(categories, query == null || query.isBlank() ? null : query.strip());
    }

    public static FeatureRule off() {
        return new FeatureRule(List.of(), null);
    }

    public boolean isOff() {
        return categories.isEmpty() && query == null;
    }

    public boolean matches(Paper paper) {
        if (isOff()) {
            return false;
        }
        return (categories.isEmpty() || inCategories(paper)) && (query == null || matchesQuery(paper));
    }

    private boolean inCategories(Paper paper) {
        return paper.categories().stream().anyMatch(c ->
                categories.stream().anyMatch(wanted -> c.equals(wanted) || c.startsWith(wanted + ".")));
    }

    private boolean matchesQuery(Paper paper) {
        MemoryIndex index = new MemoryIndex();
        index.addField(TITLE, paper.title(), analyzer);
        index.addField(ABSTRACT, paper.summary(), analyzer);
        index.addField(AUTHORS, String.join(", ", paper.authors()), analyzer);
        return index.search(query) > 0.0f;
    }

    private Query parse(String text) {
        var parser = new MultiFieldQueryParser(new String[] {TITLE, ABSTRACT, AUTHORS}, analyzer,
                Map.of(TITLE, 2f, ABSTRACT, 1f, AUTHORS, 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new ConfigException("PAPERBOY_FEATURE_QUERY", text, "a search query (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
    }

    @Override
    public String toString() {
        return isOff() ? "off" : "categories " + categories + (queryText == null ? "" : " and query '" + queryText + "'");
    }
}
