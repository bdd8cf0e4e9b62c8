package paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.PaperBuilder;

class TrendingTest {
    private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");

    @Test
    void scoresAsInTheJavadocExample() {
        // 30 upvotes 24 hours ago: 30 / 26^1.5 ≈ 0.23; 100 upvotes a week (168 h) ago: 100 / 170^1.5 ≈ 0.045.
        double today = Trending.score(30, NOW.minus(Duration.ofHours(24)), NOW);
        double lastWeek = Trending.score(100, NOW.minus(Duration.ofDays(7)), NOW);

        assertThat(today).isCloseTo(30 / Math.pow(26, 1.5), within(1e-12)).isCloseTo(0.23, within(0.005));
        assertThat(lastWeek).isCloseTo(100 / Math.pow(170, 1.5), within(1e-12)).isCloseTo(0.045, within(0.0005));
        assertThat(today).isGreaterThan(lastWeek);
    }

    @Test
    void aPaperFeaturedInTheFutureCountsAsJustFeatured() {
        assertThat(Trending.score(8, NOW.plus(Duration.ofHours(5)), NOW)).isEqualTo(8 / Math.pow(2, 1.5));
        assertThat(Trending.score(0, NOW, NOW)).isZero();
    }

    @Test
    void ordersByScoreThenUpvotesThenId() {
        FeaturedPaper old = featured("2608.00001", 100, NOW.minus(Duration.ofDays(7)));
        FeaturedPaper fresh = featured("2608.00002", 30, NOW.minus(Duration.ofHours(24)));
        FeaturedPaper tieB = featured("2608.00004", 0, NOW);
        FeaturedPaper tieA = featured("2608.00003", 0, NOW);

        assertThat(List.of(old, tieB, fresh, tieA).stream().sorted(Trending.order(NOW)).toList())
                .containsExactly(fresh, old, tieA, tieB);
    }

    private static FeaturedPaper featured(String id, int upvotes, Instant at) {
        return new FeaturedPaper(PaperBuilder.paper(id).upvotes(upvotes).build(), LocalDate.ofInstant(at,
                java.time.ZoneOffset.UTC), at);
    }
}
