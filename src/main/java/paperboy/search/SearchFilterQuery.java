package paperboy.search;

import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** {@link SearchFilters} (and required or excluded query clauses) as one Lucene filter. */
final class SearchFilterQuery {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long MAX_DAY = Long.MAX_VALUE / MILLIS_PER_DAY;

    private SearchFilterQuery() {}

    /** The filter, or null when nothing is filtered. */
    static Query of(SearchFilters filters, Query restriction) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        if (filters.from() != null || filters.to() != null) {
            all.add(LongField.newRangeQuery(PaperDocuments.PUBLISHED, startMillis(filters.from()), endMillis(filters.to())),
                    BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!filters.categories().isEmpty()) {
            all.add(anyCategory(filters.categories()), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (filters.featuredOnly()) {
            all.add(new FieldExistsQuery(PaperDocuments.FEATURED), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (restriction != null) {
            all.add(restriction, BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? all.build() : null;
    }

    private static Query anyCategory(List<String> categories) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String category : categories) {
            any.add(new TermQuery(new Term(PaperDocuments.CATEGORY, category)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * Dates as epoch milliseconds at UTC midnight. A date may lie up to a billion years away
     * ({@link LocalDate#MAX}), far past what a long of milliseconds reaches (about 292 million
     * years), so such dates stand for the farthest instant the index can hold.
     */
    private static long startMillis(LocalDate from) {
        return from == null ? Long.MIN_VALUE : dayStartMillis(from.toEpochDay());
    }

    private static long endMillis(LocalDate to) {
        if (to == null) {
            return Long.MAX_VALUE;
        }
        long nextDay = dayStartMillis(to.toEpochDay() + 1);
        return nextDay == Long.MIN_VALUE || nextDay == Long.MAX_VALUE ? nextDay : nextDay - 1;
    }

    private static long dayStartMillis(long epochDay) {
        return epochDay > MAX_DAY ? Long.MAX_VALUE : epochDay < -MAX_DAY ? Long.MIN_VALUE : epochDay * MILLIS_PER_DAY;
    }
}
