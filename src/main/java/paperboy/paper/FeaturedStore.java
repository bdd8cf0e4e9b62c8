package paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the daily lists: which papers were featured between two days, and which days have any.
 * A paper featured on several days of a window counts once, on its first day there.
 */
public final class FeaturedStore {
    private static final String WINDOW = "(SELECT paper_id, MIN(day) AS day, MIN(featured_at) AS featured_at, "
            + "MIN(CASE WHEN source = 'auto' THEN 1 ELSE 0 END) AS auto FROM featured WHERE day >= :from AND day <= :to GROUP BY paper_id) f";

    private final Jdbi jdbi;
    private final PaperRows rows = new PaperRows();

    public FeaturedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How a window's papers are ordered. */
    public enum Order {
        /** Most upvoted first, then the earliest featured. */
        UPVOTES(PaperStore.TOTAL_UPVOTES + " DESC, f.featured_at, p.id"),
        /** Most recently featured first (the Hugging Face API's {@code publishedAt}). */
        FEATURED_AT("f.featured_at DESC, p.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public List<FeaturedPaper> between(LocalDate from, LocalDate to, Order order, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + prefixed() + ", f.day, f.featured_at AS featured_at_ms, f.auto "
                        + "FROM papers p JOIN " + WINDOW + " ON f.paper_id = p.id ORDER BY " + order.sql
                        + " LIMIT :limit OFFSET :offset")
                .bind("from", from.toString())
                .bind("to", to.toString())
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new FeaturedPaper(rows.map(rs, ctx), LocalDate.parse(rs.getString("day")),
                        Instant.ofEpochMilli(rs.getLong("featured_at_ms")), rs.getInt("auto") == 1))
                .list());
    }

    public int countBetween(LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + WINDOW)
                .bind("from", from.toString())
                .bind("to", to.toString())
                .mapTo(Integer.class)
                .one());
    }

    public Optional<LocalDate> latestDay() {
        return day("SELECT MAX(day) FROM featured", null);
    }

    /** The closest day before {@code day} that has featured papers. */
    public Optional<LocalDate> dayBefore(LocalDate day) {
        return day("SELECT MAX(day) FROM featured WHERE day < :day", day);
    }

    /** The closest day after {@code day} that has featured papers. */
    public Optional<LocalDate> dayAfter(LocalDate day) {
        return day("SELECT MIN(day) FROM featured WHERE day > :day", day);
    }

    public long countDays() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT day) FROM featured").mapTo(Long.class).one());
    }

    private Optional<LocalDate> day(String sql, LocalDate day) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql);
            if (day != null) {
                query.bind("day", day.toString());
            }
            return query.mapTo(String.class).findOne().map(LocalDate::parse);
        });
    }

    private static String prefixed() {
        return java.util.Arrays.stream(PaperRows.SELECTED.split(", "))
                .map(c -> "p." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
