package paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // Judged: d1 rel 2, d2 rel 1, d3 rel 0 (judged not relevant), d4 rel 1. Relevant: d1, d2, d4.
    private static final Map<String, Integer> JUDGED = Map.of("d1", 2, "d2", 1, "d3", 0, "d4", 1);
    // Run: x (unjudged), d2, d3, d1.  d4 is not retrieved.
    private static final List<String> RUN = List.of("x", "d2", "d3", "d1");

    @Test
    void ndcgUsesLinearGainsAndLog2Discount() {
        // DCG  = 0/log2(2) + 1/log2(3) + 0/log2(4) + 2/log2(5) = 0.630930 + 0.861353 = 1.492283
        // IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4)            = 2 + 0.630930 + 0.5   = 3.130930
        // nDCG = 1.492283 / 3.130930 = 0.476626
        assertThat(Metrics.ndcg(RUN, JUDGED, 10)).isCloseTo(0.476626, within(1e-6));
    }

    @Test
    void ndcgCutsTheRunAndTheIdealAtK() {
        // k = 2: DCG = 1/log2(3) = 0.630930; IDCG = 2 + 1/log2(3) = 2.630930; nDCG = 0.239812
        assertThat(Metrics.ndcg(RUN, JUDGED, 2)).isCloseTo(0.239812, within(1e-6));
    }

    @Test
    void perfectRunScoresOne() {
        assertThat(Metrics.ndcg(List.of("d1", "d2", "d4"), JUDGED, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void recallCountsRelevantDocumentsFoundWithinK() {
        // relevant found in the first 100: d2, d1 -> 2 of 3
        assertThat(Metrics.recall(RUN, JUDGED, 100)).isCloseTo(2.0 / 3, within(1e-12));
        // within the first 2: d2 only -> 1 of 3
        assertThat(Metrics.recall(RUN, JUDGED, 2)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void reciprocalRankIsOneOverTheFirstRelevantRank() {
        // first relevant is d2 at rank 2 -> 1/2
        assertThat(Metrics.reciprocalRank(RUN, JUDGED, 10)).isEqualTo(0.5);
        // cut at 1: nothing relevant -> 0
        assertThat(Metrics.reciprocalRank(RUN, JUDGED, 1)).isEqualTo(0.0);
    }

    @Test
    void emptyRunScoresZero() {
        assertThat(Metrics.ndcg(List.of(), JUDGED, 10)).isZero();
        assertThat(Metrics.recall(List.of(), JUDGED, 100)).isZero();
        assertThat(Metrics.reciprocalRank(List.of(), JUDGED, 10)).isZero();
    }
}
