package paperboy.search;

import java.util.Arrays;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanPositionRangeQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * {@code abstract:} queries. An abstract's words are indexed once, in {@link PaperDocuments#TEXT}
 * before the title's, so a query on the abstract is the same query on that field kept to the
 * positions before {@link PaperDocuments#TITLE_GAP}: as spans, which know their positions.
 */
final class AbstractQueries {
    /** Terms a wildcard in the abstract expands to (the highest-scoring ones), so that {@code abstract:a*} stays cheap. */
    static final int MAX_EXPANSIONS = 256;

    private AbstractQueries() {}

    /** {@code query}, built for {@link PaperDocuments#TEXT}, kept to the abstract; null stays null (stop words only). */
    static Query within(Query query) {
        return switch (query) {
            case null -> null;
            case BooleanQuery bool -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder()
                        .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
                for (BooleanClause clause : bool.clauses()) {
                    builder.add(within(clause.query()), clause.occur());
                }
                yield builder.build();
            }
            case BoostQuery boost -> new BoostQuery(within(boost.getQuery()), boost.getBoost());
            default -> {
                SpanQuery spans = spans(query);
                yield spans == null ? query : new SpanPositionRangeQuery(spans, 0, PaperDocuments.TITLE_GAP);
            }
        };
    }

    /** The same words as spans, or null for a query that matches no words (nothing to keep in place). */
    private static SpanQuery spans(Query query) {
        return switch (query) {
            case TermQuery term -> new SpanTermQuery(term.getTerm());
            case SynonymQuery synonyms -> any(synonyms.getTerms().toArray(Term[]::new));
            case PhraseQuery phrase -> near(phrase.getSlop(), phrase.getPositions(),
                    Arrays.stream(phrase.getTerms()).map(t -> new Term[] {t}).toArray(Term[][]::new));
            case MultiPhraseQuery phrase -> near(phrase.getSlop(), phrase.getPositions(), phrase.getTermArrays());
            case MultiTermQuery multi -> {
                var wrapper = new SpanMultiTermQueryWrapper<>(multi);
                wrapper.setRewriteMethod(new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(MAX_EXPANSIONS));
                yield wrapper;
            }
            default -> null;
        };
    }

    /**
     * A phrase: its words in order, where the stop words it lost leave their gaps; a sloppy phrase
     * takes its words in any order within its slop, widened by those gaps (spans only place gaps
     * in ordered phrases).
     */
    private static SpanQuery near(int slop, int[] positions, Term[][] words) {
        if (words.length == 1) {
            return any(words[0]);
        }
        boolean ordered = slop == 0;
        int skippedInAll = positions[positions.length - 1] - positions[0] - (positions.length - 1);
        SpanNearQuery.Builder near = new SpanNearQuery.Builder(PaperDocuments.TEXT, ordered)
                .setSlop(ordered ? 0 : slop + skippedInAll);
        for (int i = 0; i < words.length; i++) {
            int skipped = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
            if (ordered && skipped > 0) {
                near.addGap(skipped);
            }
            near.addClause(any(words[i]));
        }
        return near.build();
    }

    private static SpanQuery any(Term[] terms) {
        return terms.length == 1
                ? new SpanTermQuery(terms[0])
                : new SpanOrQuery(Arrays.stream(terms).map(SpanTermQuery::new).toArray(SpanQuery[]::new));
    }
}
