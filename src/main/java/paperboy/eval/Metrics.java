package paperboy.eval;

import java.util.List;
import java.util.Map;

/**
 * The per-query measures BEIR reports, computed as pytrec_eval (trec_eval) does: a document is
 * relevant when its judged score is at least 1; nDCG uses the judged score itself as the gain
 * (linear, not 2^rel - 1) with a log2(rank + 1) discount, against the ideal ordering of all judged
 * documents; unjudged documents gain nothing. Rankings are taken in the order given: whoever
 * ranks breaks score ties, and our retrievers break them by ascending id.
 */
public final class Metrics {

    private Metrics() {
    }

    /** nDCG over the first {@code k} ranks. */
    public static double ndcg(List<String> ranking, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += gain(judged.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().filter(rel -> rel > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Share of the relevant documents found in the first {@code k} ranks. */
    public static double recall(List<String> ranking, Map<String, Integer> judged, int k) {
        long relevant = judged.values().stream().filter(rel -> rel > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(id -> judged.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    /** 1 / rank of the first relevant document within the first {@code k} ranks, else 0. */
    public static double reciprocalRank(List<String> ranking, Map<String, Integer> judged, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (judged.getOrDefault(ranking.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int rel) {
        return Math.max(0, rel);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
