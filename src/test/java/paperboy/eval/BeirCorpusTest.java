package paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The made-up arXiv ids that BEIR documents get in the throw-away store. */
class BeirCorpusTest {
    @Test
    void idsCountUpWithinAMonthThenMoveToTheNext() {
        assertThat(BeirCorpus.idFor(0).value()).isEqualTo("1501.00001");
        assertThat(BeirCorpus.idFor(99_998).value()).isEqualTo("1501.99999");
        assertThat(BeirCorpus.idFor(99_999).value()).isEqualTo("1502.00001");
        assertThat(BeirCorpus.idFor(12 * 99_999).value()).isEqualTo("1601.00001");
    }
}
