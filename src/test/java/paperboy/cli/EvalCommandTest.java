package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Paperboy;
import picocli.CommandLine;

/**
 * {@code paperboy eval} on the tiny BEIR fixture (five documents, three judged test queries).
 * Keyword scores by hand: q1 finds d1 (gain 2) first and never d5 (gain 1), so nDCG@10 =
 * 2 / (2 + 1/log2 3) = 0.7602 and recall 1/2; q2 and q3 find their one document first (1 and 1).
 * Means: nDCG@10 (0.7602 + 2) / 3 = 0.9201, Recall@100 2.5 / 3 = 0.8333, MRR@10 1. Runs that embed
 * use MiniLM, the faster model (the default model's own tests are EmbeddingModelTest's).
 */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keywordScoresAreTheHandComputedOnesAndTheLastLineIsJson(@TempDir Path work) throws Exception {
        List<String> lines = run("--beir", tiny(), "--split", "test", "--mode", "keyword", "--json", "--work", work.toString());

        JsonNode result = JSON.readTree(lines.getLast());
        assertThat(result.path("dataset").asText()).isEqualTo("tiny");
        assertThat(result.path("split").asText()).isEqualTo("test");
        JsonNode keyword = result.path("results").path("keyword");
        assertThat(keyword.path("ndcg@10").asDouble()).isEqualTo(0.9201);
        assertThat(keyword.path("recall@100").asDouble()).isEqualTo(0.8333);
        assertThat(keyword.path("mrr@10").asDouble()).isEqualTo(1.0);
        assertThat(keyword.path("queries").asInt()).isEqualTo(3);
        assertThat(result.path("results").has("semantic")).isFalse();
        assertThat(lines).anyMatch(l -> l.startsWith("keyword ") && l.contains("0.9201"));
        assertThat(Files.exists(work.resolve("paperboy.db"))).isTrue();
    }

    @Test
    void allModesAreReportedAndTheThrowAwayFolderIsRemoved() throws Exception {
        long before = tempEvalFolders();

        JsonNode result = JSON.readTree(run("--beir", tiny(), "--split", "test", "--json", "--model", "minilm").getLast());

        assertThat(result.path("results").fieldNames()).toIterable().containsExactly("keyword", "semantic", "hybrid");
        for (JsonNode mode : result.path("results")) {
            assertThat(mode.path("ndcg@10").asDouble()).isBetween(0.0, 1.0);
            assertThat(mode.path("queries").asInt()).isEqualTo(3);
        }
        assertThat(result.path("results").path("semantic").path("mrr@10").asDouble()).isPositive();
        assertThat(tempEvalFolders()).isEqualTo(before);
    }

    @Test
    void eachSimilarityFloorIsMeasuredOnceForTheModesThatMatchByMeaning(@TempDir Path work) throws Exception {
        JsonNode result = JSON.readTree(run("--beir", tiny(), "--split", "test", "--json", "--work", work.toString(),
                "--model", "minilm", "--similarity-floor", "-1,1").getLast()).path("results");

        assertThat(result.fieldNames()).toIterable()
                .containsExactly("keyword", "semantic@-1.00", "hybrid@-1.00", "semantic@1.00", "hybrid@1.00");
        assertThat(result.path("semantic@-1.00").path("mrr@10").asDouble()).isPositive();
        assertThat(result.path("semantic@1.00").path("ndcg@10").asDouble()).isZero(); // nothing is that similar
        assertThat(result.path("hybrid@1.00").path("ndcg@10").asDouble()).isEqualTo(result.path("keyword").path("ndcg@10").asDouble());
    }

    @Test
    void queriesWrittenWithSlashesAndParenthesesAreScoredLikeAnyOther(@TempDir Path copy) throws Exception {
        // The tiny set with q2 written as scientists write (it used to stop the run with "expected ')'").
        Path beir = Files.createDirectories(copy.resolve("tiny"));
        Files.copy(Path.of(tiny()).resolve("corpus.jsonl"), beir.resolve("corpus.jsonl"));
        Files.createDirectories(beir.resolve("qrels"));
        Files.copy(Path.of(tiny()).resolve("qrels/test.tsv"), beir.resolve("qrels/test.tsv"));
        Files.writeString(beir.resolve("queries.jsonl"), Files.readString(Path.of(tiny()).resolve("queries.jsonl"))
                .replace("what lives in rock pools at the shore", "what lives in rock / tide pools (at the shore/coast) in A/B tests"));

        JsonNode keyword = JSON.readTree(run("--beir", beir.toString(), "--split", "test", "--mode", "keyword", "--json").getLast())
                .path("results").path("keyword");

        assertThat(keyword.path("queries").asInt()).isEqualTo(3);
        assertThat(keyword.path("failed").asInt()).isZero();
        assertThat(keyword.path("mrr@10").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anUnknownSplitOrModeIsAClearError() throws Exception {
        assertThat(exitCode("--beir", tiny(), "--split", "dev")).isNotZero();
        assertThat(exitCode("--beir", tiny(), "--mode", "fuzzy")).isNotZero();
    }

    private static List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Paperboy()).execute(prepend("eval", args))).isZero();
        } finally {
            System.setOut(previous);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static int exitCode(String... args) {
        PrintStream previous = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new Paperboy()).execute(prepend("eval", args));
        } finally {
            System.setErr(previous);
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static long tempEvalFolders() throws Exception {
        try (var listing = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return listing.filter(p -> p.getFileName().toString().startsWith("paperboy-eval")).count();
        }
    }

    private static String tiny() throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getResource("/eval/tiny").toURI()).toString();
    }
}
