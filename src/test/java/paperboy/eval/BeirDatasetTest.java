package paperboy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BeirDatasetTest {

    private final BeirDataset tiny = new BeirDataset(Path.of("src/test/resources/eval/tiny"));

    @Test
    void streamsTheCorpusInFileOrderSkippingBlankLines() {
        try (Stream<BeirDataset.Document> docs = tiny.documents()) {
            List<BeirDataset.Document> all = docs.toList();
            assertThat(all).extracting(BeirDataset.Document::id).containsExactly("d1", "d2", "d3", "d4", "d5");
            assertThat(all.get(2).title()).isEmpty();
            assertThat(all.get(4).title()).isEqualTo("Quoting \"tabs\"\tand unicode");
            assertThat(all.get(4).text()).isEqualTo("Café owners roast beans at 220 °C.");
        }
    }

    @Test
    void readsGradedJudgmentsAndSkipsTheHeader() {
        Map<String, Map<String, Integer>> qrels = tiny.qrels("test");
        assertThat(qrels).containsOnlyKeys("q1", "q2", "q3");
        assertThat(qrels.get("q1")).containsExactlyInAnyOrderEntriesOf(Map.of("d1", 2, "d5", 1));
        assertThat(qrels.get("q3")).containsEntry("d1", 0);
    }

    @Test
    void keepsOnlyQueriesJudgedInTheSplit() {
        assertThat(tiny.queries("test")).extracting(BeirDataset.Query::id).containsExactly("q1", "q2", "q3");
        assertThat(tiny.queries("train")).extracting(BeirDataset.Query::id).containsExactly("q4");
        assertThat(tiny.name()).isEqualTo("tiny");
    }

    @Test
    void rejectsAMissingSplitAndAFolderThatIsNoDataset() {
        assertThatThrownBy(() -> tiny.qrels("dev")).hasMessageContaining("no split 'dev'");
        assertThatThrownBy(() -> new BeirDataset(Path.of("src/test/resources/eval"))).hasMessageContaining("not a BEIR dataset");
    }

    @Test
    void evaluationAveragesOverJudgedQueries() {
        // A retriever that always answers d1, d2, d3:
        //   q1 (d1:2, d5:1): nDCG = (2/1) / (2/1 + 1/log2 3) = 2 / 2.630930 = 0.760188; R@100 = 1/2; MRR = 1
        //   q2 (d2:1):       nDCG = (1/log2 3) / 1 = 0.630930;                           R@100 = 1;   MRR = 1/2
        //   q3 (d3:1, d1:0): nDCG = (1/log2 4) / 1 = 0.5;                                 R@100 = 1;   MRR = 1/3
        // means: nDCG (0.760188 + 0.630930 + 0.5) / 3 = 0.630372; R@100 2.5 / 3 = 0.833333; MRR 1.833333 / 3 = 0.611111
        Evaluation.Scores scores = Evaluation.of(tiny, "test").run((query, limit) -> List.of("d1", "d2", "d3"));
        assertThat(scores.queries()).isEqualTo(3);
        assertThat(scores.ndcg10()).isCloseTo(0.630372, within(1e-6));
        assertThat(scores.recall100()).isCloseTo(0.833333, within(1e-6));
        assertThat(scores.mrr10()).isCloseTo(0.611111, within(1e-6));
    }

    @Test
    void reportPrintsOneJsonLine() {
        EvalReport report = new EvalReport("tiny", "test", Map.of("keyword", new Evaluation.Scores(0.5, 0.25, 1.0 / 3, 3)));
        assertThat(report.toJson()).isEqualTo(
                "{\"dataset\":\"tiny\",\"split\":\"test\",\"results\":{\"keyword\":"
                        + "{\"ndcg@10\":0.5,\"recall@100\":0.25,\"mrr@10\":0.3333,\"queries\":3,\"failed\":0}}}");
    }

    @Test
    void aQueryTheRetrieverFailsOnScoresZeroIsCountedAndTheRunGoesOn() {
        // As above, but q2 fails: nDCG (0.760188 + 0 + 0.5) / 3 = 0.420063; R@100 1.5 / 3; MRR 1.333333 / 3
        List<Evaluation.Failure> failures = new java.util.ArrayList<>();
        Evaluation.Scores scores = Evaluation.of(tiny, "test").run((query, limit) -> {
            if (query.contains("rock pools")) {
                throw new IllegalArgumentException("expected ')'");
            }
            return List.of("d1", "d2", "d3");
        }, failures::add);

        assertThat(scores.queries()).isEqualTo(3);
        assertThat(scores.failed()).isEqualTo(1);
        assertThat(scores.ndcg10()).isCloseTo(0.420063, within(1e-6));
        assertThat(scores.recall100()).isCloseTo(0.5, within(1e-6));
        assertThat(scores.mrr10()).isCloseTo(0.444444, within(1e-6));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.query().id()).isEqualTo("q2");
            assertThat(f.error()).hasMessage("expected ')'");
        });
    }
}
