package paperboy.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@code paperboy eval}: scores per mode (keyword, semantic, hybrid) for one
 * dataset split, as a table for people and as the one-line JSON object that scripts read.
 */
public record EvalReport(String dataset, String split, Map<String, Evaluation.Scores> results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EvalReport {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** {@code {"dataset":..,"split":..,"results":{"keyword":{"ndcg@10":..,"recall@100":..,"mrr@10":..,"queries":..,"failed":..}}}} */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("dataset", dataset).put("split", split);
        ObjectNode modes = root.putObject("results");
        results.forEach((mode, s) -> modes.putObject(mode)
                .put("ndcg@10", round(s.ndcg10()))
                .put("recall@100", round(s.recall100()))
                .put("mrr@10", round(s.mrr10()))
                .put("queries", s.queries())
                .put("failed", s.failed()));
        return root.toString();
    }

    public String toTable() {
        StringBuilder out = new StringBuilder(String.format("%s (%s)%n%-34s %8s %10s %8s %8s %7s%n",
                dataset, split, "mode", "nDCG@10", "Recall@100", "MRR@10", "queries", "failed"));
        results.forEach((mode, s) -> out.append(String.format("%-34s %8.4f %10.4f %8.4f %8d %7d%n",
                mode, s.ndcg10(), s.recall100(), s.mrr10(), s.queries(), s.failed())));
        return out.toString();
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
