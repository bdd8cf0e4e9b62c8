package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The floor is a cosine; Lucene scores dot-product neighbours as (1 + cosine) / 2. */
class SimilarityFloorTest {
    private static final List<ScoreDoc> NEAREST = List.of(
            new ScoreDoc(1, 0.9f),    // cosine 0.8
            new ScoreDoc(2, 0.625f),  // cosine 0.25, exactly at the default floor
            new ScoreDoc(3, 0.6f),    // cosine 0.2
            new ScoreDoc(4, 0.4f));   // cosine -0.2

    @Test
    void keepsTheNeighboursAtOrAboveTheFloorInTheirOrder() {
        assertThat(new SimilarityFloor(0.25).keep(NEAREST)).extracting(d -> d.doc).containsExactly(1, 2);
        assertThat(new SimilarityFloor(0.9).keep(NEAREST)).isEmpty();
    }

    @Test
    void noFloorKeepsEveryNeighbour() {
        assertThat(SimilarityFloor.NONE.keep(NEAREST)).hasSize(4);
    }

    @Test
    void aFloorOutsideTheCosineRangeIsRefused() {
        assertThatThrownBy(() -> new SimilarityFloor(1.5)).hasMessageContaining("from -1 to 1");
        assertThatThrownBy(() -> new SimilarityFloor(Double.NaN)).hasMessageContaining("from -1 to 1");
    }
}
