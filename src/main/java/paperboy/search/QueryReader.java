package paperboy.search;

import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Turns what a user typed into a Lucene query over title and abstract (as one field) and authors.
 * Lucene syntax works ({@code "exact phrase"}, {@code -excluded}, {@code title:word}, and
 * {@code author:}, {@code abstract:}, {@code cat:} as in {@link QueryText}); text that does not
 * parse is searched again as plain words, with a notice saying so.
 */
final class QueryReader {
    private static final String[] FIELDS = {PaperDocuments.TEXT, PaperDocuments.AUTHORS};
    /**
     * Words a wildcard, prefix or range expands to in each field. Terms of equal weight (a prefix's
     * are all alike) are taken in alphabetical order, so {@code a*} searches the first 128 words
     * starting with "a"; a prefix of several letters ({@code transform*}) matches fewer than that.
     * A query takes at most 1,024 words in all (Lucene's limit), so four wildcards that each
     * expand to the maximum in both searched fields fit.
     */
    static final int MAX_EXPANSIONS = 128;

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * A query and the notice to show with it, or a null query (with a notice) when there is
     * nothing to search. {@code restriction} holds the clauses every result must satisfy (required
     * and excluded terms), which semantic search applies as a filter; null when there are none.
     */
    record Reading(Query query, Query restriction, String meaning, List<String> categories, String notice) {
        static Reading nothing(String notice) {
            return new Reading(null, null, "", List.of(), notice);
        }
    }

    Reading read(String text) {
        if (text.isEmpty()) {
            return Reading.nothing("Type a few words to search titles, abstracts and authors.");
        }
        if (text.length() > SearchRequest.MAX_QUERY_LENGTH) {
            return Reading.nothing("That query is longer than " + SearchRequest.MAX_QUERY_LENGTH
                    + " characters; shorten it, or paste long text into “more like this”.");
        }
        QueryText parts = QueryText.of(text);
        if (parts.keyword().isBlank()) {
            return new Reading(null, null, "", parts.categories(), null);
        }
        try {
            return accept(parser().parse(parts.keyword()), parts, null);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            return readEscaped(text, parts);
        }
    }

    private Reading readEscaped(String text, QueryText parts) {
        String notice = "Your query could not be read as search syntax, so its words were searched as they are.";
        try {
            // Only the syntax is dropped: cat: filters and the words to embed stay as they were read.
            QueryText plain = new QueryText(QueryParser.escape(parts.keyword()), parts.meaning(), parts.categories());
            return accept(parser().parse(plain.keyword()), plain, notice);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            return Reading.nothing("That query could not be searched: " + e.getMessage());
        }
    }

    private static Reading accept(Query query, QueryText parts, String notice) {
        if (query == null || !hasTerms(query)) {
            return Reading.nothing("That query has no searchable words (only very common words or symbols).");
        }
        return new Reading(query, restriction(query), parts.meaning(), parts.categories(), notice);
    }

    /** Whether anything is left to match: stop words alone leave only empty clauses. */
    private static boolean hasTerms(Query query) {
        boolean[] any = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                any[0] |= terms.length > 0;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                any[0] = true;
            }

            @Override
            public void visitLeaf(Query q) {
                any[0] = true;
            }
        });
        return any[0];
    }

    /** The top-level required and excluded clauses, as one filter; null when there are none. */
    private static Query restriction(Query query) {
        if (!(query instanceof BooleanQuery bool)) {
            return null;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean any = false;
        boolean positive = false;
        for (BooleanClause clause : bool.clauses()) {
            if (clause.occur() == BooleanClause.Occur.MUST || clause.occur() == BooleanClause.Occur.FILTER) {
                builder.add(clause.query(), BooleanClause.Occur.FILTER);
                any = positive = true;
            } else if (clause.occur() == BooleanClause.Occur.MUST_NOT) {
                builder.add(clause.query(), BooleanClause.Occur.MUST_NOT);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        if (!positive) {
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private MultiFieldQueryParser parser() {
        // A new parser per query: QueryParser keeps per-parse state and is not thread-safe.
        var parser = new Parser(analyzer);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setSplitOnWhitespace(true);
        // Wildcards, prefixes and ranges become their best-scoring words (as fuzzy terms do), not
        // every word they match: a constant-score expansion reads the postings of every matching
        // word before the time budget is first checked (w* on 200k papers: 0.8 s of one core).
        parser.setMultiTermRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
        return parser;
    }

    /** Lucene's parser, with the abstract's queries made on the field that holds its words ({@link AbstractQueries}). */
    private static final class Parser extends MultiFieldQueryParser {
        Parser(Analyzer analyzer) {
            super(FIELDS, analyzer);
        }

        /** A query the parser builds for a field. */
        @FunctionalInterface
        private interface OnField {
            Query build(String field) throws ParseException;
        }

        /** The query for {@code field}; for the abstract, the same query on the combined field, kept to the abstract. */
        private static Query routed(String field, OnField query) throws ParseException {
            return PaperDocuments.SUMMARY.equals(field)
                    ? AbstractQueries.within(query.build(PaperDocuments.TEXT))
                    : query.build(field);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            return routed(field, f -> super.getFieldQuery(f, text, quoted));
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            return routed(field, f -> super.getFieldQuery(f, text, slop));
        }

        @Override
        protected Query getPrefixQuery(String field, String text) throws ParseException {
            return routed(field, f -> super.getPrefixQuery(f, text));
        }

        @Override
        protected Query getWildcardQuery(String field, String text) throws ParseException {
            return routed(field, f -> super.getWildcardQuery(f, text));
        }

        @Override
        protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
            return routed(field, f -> super.getFuzzyQuery(f, text, similarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String text) throws ParseException {
            return routed(field, f -> super.getRegexpQuery(f, text));
        }

        @Override
        protected Query getRangeQuery(String field, String from, String to, boolean fromIncluded, boolean toIncluded)
                throws ParseException {
            return routed(field, f -> super.getRangeQuery(f, from, to, fromIncluded, toIncluded));
        }
    }
}
