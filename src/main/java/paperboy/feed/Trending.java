package paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import paperboy.paper.FeaturedPaper;

/**
 * The trending score: upvotes that decay with the time since the paper was featured,
 * <pre>score = upvotes / (hours since featured + 2) ^ 1.5</pre>
 * (the Hacker News form). A paper with 30 upvotes today outranks one with 100 upvotes a week ago
 * (30 / 26^1.5 ≈ 0.23 against 100 / 170^1.5 ≈ 0.045).
 */
public final class Trending {
    static final double GRAVITY = 1.5;

    private Trending() {}

    public static double score(int upvotes, Instant featuredAt, Instant now) {
        double hours = Math.max(0, Duration.between(featuredAt, now).toMinutes() / 60.0);
        return upvotes / Math.pow(hours + 2, GRAVITY);
    }

    /** Highest score first; ties by more upvotes, then by id for a stable order. */
    public static Comparator<FeaturedPaper> order(Instant now) {
        return Comparator.<FeaturedPaper>comparingDouble(
                        f -> -score(f.paper().community().totalUpvotes(), f.featuredAt(), now))
                .thenComparing(f -> -f.paper().community().totalUpvotes())
                .thenComparing(f -> f.paper().id().value());
    }
}
