package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static List<ScoredId> ranking(Object... idScorePairs) {
        List<ScoredId> out = new java.util.ArrayList<>();
        for (int i = 0; i < idScorePairs.length; i += 2) {
            out.add(new ScoredId((String) idScorePairs[i], ((Number) idScorePairs[i + 1]).doubleValue()));
        }
        return out;
    }

    private static List<String> ids(List<ScoredId> hits) {
        return hits.stream().map(ScoredId::id).toList();
    }

    @Test
    void reciprocalRankSumsOneOverKPlusRank() {
        // k = 60. keyword: a b c; semantic: c a d.
        // a: 1/61 + 1/62 = 0.032522; c: 1/63 + 1/61 = 0.032266; b: 1/62 = 0.016129; d: 1/63 = 0.015873
        List<ScoredId> fused = Fusion.ReciprocalRank.DEFAULT.fuse(List.of(
                ranking("a", 9, "b", 5, "c", 1), ranking("c", 0.9, "a", 0.8, "d", 0.1)), 10);
        assertThat(ids(fused)).containsExactly("a", "c", "b", "d");
        assertThat(fused.getFirst().score()).isCloseTo(1.0 / 61 + 1.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void reciprocalRankBreaksTiesByAscendingId() {
        // x and y swap places in the two lists: both score 1/(k+1) + 1/(k+2); y is first in list one but x < y.
        List<ScoredId> fused = new Fusion.ReciprocalRank(60).fuse(List.of(ranking("y", 1, "x", 1), ranking("x", 1, "y", 1)), 10);
        assertThat(ids(fused)).containsExactly("x", "y");
    }

    @Test
    void smallKLetsTheTopOfOneListWin() {
        // k = 0: p (1st in list one) = 1/1 = 1; q (2nd in both) = 1/2 + 1/2 = 1; s (1st in list two) = 1/1 = 1;
        // r (3rd in list one) = 1/3. p, q and s tie at 1 and go in id order.
        List<ScoredId> fused = new Fusion.ReciprocalRank(0).fuse(List.of(ranking("p", 3, "q", 2, "r", 1), ranking("s", 3, "q", 2)), 10);
        assertThat(ids(fused)).containsExactly("p", "q", "s", "r");
    }

    @Test
    void limitCutsTheFusedList() {
        List<ScoredId> fused = Fusion.ReciprocalRank.DEFAULT.fuse(List.of(ranking("a", 1, "b", 1, "c", 1)), 2);
        assertThat(ids(fused)).containsExactly("a", "b");
    }

    @Test
    void weightedMinMaxFusesNormalisedScores() {
        // BM25: a 10, b 6, c 2 -> min-max a 1.0, b 0.5, c 0.0.   cosine: c 0.9, d 0.7, a 0.5 -> c 1.0, d 0.5, a 0.0.
        // Missing docs take the list's floor (0). Weight 0.3 keyword, 0.7 semantic:
        // a = 0.3*1.0 + 0.7*0.0 = 0.30; b = 0.3*0.5 + 0.7*0 = 0.15; c = 0.3*0 + 0.7*1.0 = 0.70; d = 0 + 0.7*0.5 = 0.35
        List<ScoredId> fused = Fusion.WeightedScore.hybrid(0.3, Fusion.Normalisation.MIN_MAX).fuse(List.of(
                ranking("a", 10, "b", 6, "c", 2), ranking("c", 0.9, "d", 0.7, "a", 0.5)), 10);
        assertThat(ids(fused)).containsExactly("c", "d", "a", "b");
        assertThat(fused.get(1).score()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void weightedZScoreFusesStandardisedScores() {
        // BM25: a 3, b 1 -> mean 2, sd 1 -> a +1, b -1.   cosine: b 0.8, c 0.4 -> mean 0.6, sd 0.2 -> b +1, c -1.
        // Missing docs take the list's floor (-1). Weight 0.5 each:
        // a = 0.5*1 + 0.5*(-1) = 0; b = 0.5*(-1) + 0.5*1 = 0; c = 0.5*(-1) + 0.5*(-1) = -1 -> a, b tie: id order.
        List<ScoredId> fused = Fusion.WeightedScore.hybrid(0.5, Fusion.Normalisation.Z_SCORE).fuse(List.of(
                ranking("a", 3, "b", 1), ranking("b", 0.8, "c", 0.4)), 10);
        assertThat(ids(fused)).containsExactly("a", "b", "c");
        // Weight 0.8 on keyword: a = 0.8 - 0.2 = 0.6; b = -0.8 + 0.2 = -0.6; c = -1.
        assertThat(ids(Fusion.WeightedScore.hybrid(0.8, Fusion.Normalisation.Z_SCORE).fuse(List.of(
                ranking("a", 3, "b", 1), ranking("b", 0.8, "c", 0.4)), 10))).containsExactly("a", "b", "c");
        // Weight 0.2 on keyword: a = 0.2 - 0.8 = -0.6; b = -0.2 + 0.8 = 0.6; c = -1.
        assertThat(ids(Fusion.WeightedScore.hybrid(0.2, Fusion.Normalisation.Z_SCORE).fuse(List.of(
                ranking("a", 3, "b", 1), ranking("b", 0.8, "c", 0.4)), 10))).containsExactly("b", "a", "c");
    }

    @Test
    void weightedFusionOfEmptyListsIsEmpty() {
        assertThat(Fusion.WeightedScore.hybrid(0.5, Fusion.Normalisation.MIN_MAX).fuse(List.of(List.of(), List.of()), 10)).isEmpty();
    }

    @Test
    void weightedFusionNeedsOneWeightPerList() {
        assertThatThrownBy(() -> Fusion.WeightedScore.hybrid(0.5, Fusion.Normalisation.MIN_MAX).fuse(List.of(List.of()), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsItsSettingFromText() {
        assertThat(Fusion.parse("rrf")).isEqualTo(Fusion.ReciprocalRank.DEFAULT);
        assertThat(Fusion.parse("RRF:10")).isEqualTo(new Fusion.ReciprocalRank(10));
        assertThat(Fusion.parse("weighted:0.3")).isEqualTo(Fusion.WeightedScore.hybrid(0.3, Fusion.Normalisation.MIN_MAX));
        assertThat(Fusion.parse("weighted:0.5:zscore")).isEqualTo(Fusion.WeightedScore.hybrid(0.5, Fusion.Normalisation.Z_SCORE));
        for (String bad : new String[] {"", "rrf:x", "weighted", "weighted:1.5", "weighted:0.5:rank", "max"}) {
            assertThatThrownBy(() -> Fusion.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fusion must be");
        }
    }
}
