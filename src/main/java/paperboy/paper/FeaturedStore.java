package paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the daily lists: which papers were featured between two days, or first featured since a
 * time (trending's window), and which days have any. A paper featured on several days of a window
 * counts once, on its first day there. The upvote count lists show and sort by is {@link Upvotes#SQL}.
 */
public final class FeaturedStore {
    /** One row per paper of the featured rows that pass the WHERE clause that follows (aliased g). */
    private static final String PER_PAPER = "SELECT paper_id, MIN(day) AS day, MIN(featured_at) AS featured_at, "
            + "MIN(CASE WHEN source = 'auto' THEN 1 ELSE 0 END) AS auto FROM featured g WHERE ";
    private static final String BETWEEN_DAYS = PER_PAPER + "day >= :from AND day <= :to GROUP BY paper_id";
    /**
     * Each paper's first featuring, when it is at or after :since: the rows in that range (index
     * featured_featured_at) that no earlier row of the same paper precedes (the primary key). No
     * GROUP BY, which had SQLite walk the whole table in paper order instead of the range. A paper
     * counts as featured automatically when all its featurings are, as in a window of days.
     */
    private static final String FIRST_FEATURED_SINCE = "SELECT g.paper_id, g.day, g.featured_at, "
            + "CASE WHEN g.source = 'auto' AND NOT EXISTS (SELECT 1 FROM featured o WHERE o.paper_id = g.paper_id "
            + "AND o.source <> 'auto') THEN 1 ELSE 0 END AS auto FROM featured g WHERE g.featured_at >= :since "
            + "AND NOT EXISTS (SELECT 1 FROM featured e WHERE e.paper_id = g.paper_id AND (e.featured_at < g.featured_at "
            + "OR (e.featured_at = g.featured_at AND e.day < g.day)))";

    private final Jdbi jdbi;
    private final PaperRows rows = new PaperRows();

    public FeaturedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * How a window's papers are ordered: SQL over the paper {@code p} and its window row {@code f}
     * ({@code f.featured_at} in epoch milliseconds), with the values it names. Written by code,
     * never from a request.
     */
    public static final class Order {
        /** Most upvoted first, then the earliest featured. */
        public static final Order UPVOTES = new Order(Upvotes.SQL + " DESC, f.featured_at, p.id", Map.of());
        /** Most recently featured first (the Hugging Face API's {@code publishedAt}). */
        public static final Order FEATURED_AT = new Order("f.featured_at DESC, p.id", Map.of());

        private final String sql;
        private final Map<String, Object> values;

        private Order(String sql, Map<String, Object> values) {
            this.sql = sql;
            this.values = values;
        }

        /**
         * Highest {@code score} first, then the most upvoted, then by id; {@code score} is an SQL
         * expression that may use {@code :now}, bound to {@code now} in epoch milliseconds.
         */
        public static Order byScore(String score, Instant now) {
            return new Order(score + " DESC, " + Upvotes.SQL + " DESC, p.id", Map.of("now", now.toEpochMilli()));
        }
    }

    public List<FeaturedPaper> between(LocalDate from, LocalDate to, Order order, int offset, int limit) {
        return list(BETWEEN_DAYS, Map.of("from", from.toString(), "to", to.toString()), order, offset, limit);
    }

    public int countBetween(LocalDate from, LocalDate to) {
        return count(BETWEEN_DAYS, Map.of("from", from.toString(), "to", to.toString()));
    }

    /** The papers first featured at or after {@code since} (featured before it too: left out), each with its first featuring. */
    public List<FeaturedPaper> firstFeaturedSince(Instant since, Order order, int offset, int limit) {
        return list(FIRST_FEATURED_SINCE, Map.of("since", since.toEpochMilli()), order, offset, limit);
    }

    public int countFirstFeaturedSince(Instant since) {
        return count(FIRST_FEATURED_SINCE, Map.of("since", since.toEpochMilli()));
    }

    private List<FeaturedPaper> list(String window, Map<String, Object> bounds, Order order, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns() + ", f.day, f.featured_at AS featured_at_ms, f.auto "
                        + "FROM papers p JOIN (" + window + ") f ON f.paper_id = p.id ORDER BY " + order.sql
                        + " LIMIT :limit OFFSET :offset")
                .bindMap(bounds)
                .bindMap(order.values)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new FeaturedPaper(rows.map(rs, ctx), LocalDate.parse(rs.getString("day")),
                        Instant.ofEpochMilli(rs.getLong("featured_at_ms")), rs.getInt("auto") == 1))
                .list());
    }

    private int count(String window, Map<String, Object> bounds) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (" + window + ") f")
                .bindMap(bounds)
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

    /**
     * The paper's columns from {@code p}, members' counts included: the paper's total of upvotes
     * is then {@link Paper.Community#totalUpvotes()}, the same sum as {@link Upvotes#SQL}.
     */
    private static String columns() {
        return java.util.Arrays.stream(PaperRows.SELECTED.split(", "))
                .map(c -> "p." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
