package paperboy.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

    private static long startMillis(LocalDate from) {
        return from == null ? Long.MIN_VALUE : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static long endMillis(LocalDate to) {
        return to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    }
}
