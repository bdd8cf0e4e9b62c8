package paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.FeaturedStore;
import paperboy.paper.Upvotes;

/**
 * The trending score: upvotes that decay with the time since the paper was featured,
 * <pre>score = upvotes / (hours since featured + 2) ^ 1.5</pre>
 * (the Hacker News form). A paper with 30 upvotes today outranks one with 100 upvotes a week ago
 * (30 / 26^1.5 ≈ 0.23 against 100 / 170^1.5 ≈ 0.045). This class is its one definition: in Java
 * ({@link #score}, {@link #order}) and in SQL ({@link #ranking}, from the same constants and the
 * upvote count of {@link Upvotes#SQL}), which is how the store ranks; a test holds the two to the
 * same order. Hours are whole minutes over 60, and never below zero.
 */
public final class Trending {
    static final double GRAVITY = 1.5;
    static final double OFFSET_HOURS = 2;
    /** The trending list holds the papers first featured within this long before now. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private Trending() {}

    public static double score(int upvotes, Instant featuredAt, Instant now) {
        double hours = Math.max(0, Duration.between(featuredAt, now).toMinutes() / 60.0);
        return upvotes / Math.pow(hours + OFFSET_HOURS, GRAVITY);
    }

    /** Highest score first; ties by more upvotes, then by id for a stable order. */
    public static Comparator<FeaturedPaper> order(Instant now) {
        return Comparator.<FeaturedPaper>comparingDouble(
                        f -> -score(f.paper().community().totalUpvotes(), f.featuredAt(), now))
                .thenComparing(f -> -f.paper().community().totalUpvotes())
                .thenComparing(f -> f.paper().id().value());
    }

    /** The same order as {@link #order}, computed by the store (SQLite and PostgreSQL alike). */
    public static FeaturedStore.Order ranking(Instant now) {
        return FeaturedStore.Order.byScore(sql(), now);
    }

    /** {@link #score} in SQL over the window row's {@code f.featured_at} (epoch milliseconds) and {@code :now}. */
    static String sql() {
        String age = "(:now - f.featured_at)";
        // Integer division by 60,000 truncates to whole minutes, as Duration.toMinutes does.
        String hours = "(CASE WHEN " + age + " > 0 THEN CAST(" + age + " / 60000 AS DOUBLE PRECISION) / 60 ELSE 0 END)";
        return "(CAST(" + Upvotes.SQL + " AS DOUBLE PRECISION) / POWER(" + hours + " + " + OFFSET_HOURS + ", " + GRAVITY + "))";
    }

    /** The formula as the trending page shows it. */
    public static String formula() {
        return "upvotes / (hours since featured + " + (int) OFFSET_HOURS + ")^" + GRAVITY;
    }
}
