package paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paperboy.config.SearchSettings;

/**
 * How hybrid search merges ranked lists (BM25 and kNN) into one: either by reciprocal rank, which
 * needs no scores, or by a weighted sum of normalised scores. Every result is ordered by fused
 * score, ties broken by ascending id, so the same inputs always give the same order.
 */
public sealed interface Fusion {

    /** The fused ranking of {@code rankings} (each best first), at most {@code limit} long. */
    List<ScoredId> fuse(List<List<ScoredId>> rankings, int limit);

    /**
     * Reads {@code rrf}, {@code rrf:K}, or {@code weighted:W[:minmax|zscore]} (W the keyword
     * weight of a hybrid search, min-max by default).
     */
    /** The fusion tuned for a model on SciFact train (BENCHMARKS.md), the configuration's default for it. */
    static Fusion tunedFor(EmbeddingModel model) {
        return parse(SearchSettings.tuning(model.id()).fusion());
    }

    static Fusion parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            if (parts[0].equals("rrf") && parts.length <= 2) {
                return parts.length == 1 ? ReciprocalRank.DEFAULT : new ReciprocalRank(Integer.parseInt(parts[1]));
            }
            if (parts[0].equals("weighted") && (parts.length == 2 || parts.length == 3)) {
                Normalisation normalisation = parts.length == 3 && parts[2].equals("zscore") ? Normalisation.Z_SCORE
                        : parts.length == 2 || parts[2].equals("minmax") ? Normalisation.MIN_MAX : null;
                double weight = Double.parseDouble(parts[1]);
                if (normalisation != null && weight >= 0 && weight <= 1) {
                    return WeightedScore.hybrid(weight, normalisation);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("fusion must be rrf, rrf:K or weighted:W[:minmax|zscore], not \"" + text + "\"");
    }

    /**
     * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a document scores the sum over
     * lists of 1 / (k + rank), ranks counted from 1; the list's own scores are ignored.
     */
    record ReciprocalRank(int k) implements Fusion {
        public static final ReciprocalRank DEFAULT = new ReciprocalRank(60);

        public ReciprocalRank {
            if (k < 0) {
                throw new IllegalArgumentException("k must be >= 0: " + k);
            }
        }

        @Override
        public List<ScoredId> fuse(List<List<ScoredId>> rankings, int limit) {
            Map<String, Double> fused = new HashMap<>();
            for (List<ScoredId> ranking : rankings) {
                for (int i = 0; i < ranking.size(); i++) {
                    fused.merge(ranking.get(i).id(), 1.0 / (k + i + 1), Double::sum);
                }
            }
            return best(fused, limit);
        }
    }

    /** How a list's scores are put on one scale before they are weighted. */
    enum Normalisation {
        /** (s - min) / (max - min): the best hit gets 1, the worst 0. */
        MIN_MAX,
        /** (s - mean) / standard deviation. */
        Z_SCORE
    }

    /**
     * Weighted score fusion: each list's scores are normalised, multiplied by the list's weight and
     * summed. A document missing from a list counts as that list's lowest normalised score, as if it
     * were just below the cut.
     */
    record WeightedScore(List<Double> weights, Normalisation normalisation) implements Fusion {

        public WeightedScore {
            weights = List.copyOf(weights);
        }

        /** Two lists, keyword first: {@code keywordWeight} for BM25, the rest for the vectors. */
        public static WeightedScore hybrid(double keywordWeight, Normalisation normalisation) {
            return new WeightedScore(List.of(keywordWeight, 1 - keywordWeight), normalisation);
        }

        @Override
        public List<ScoredId> fuse(List<List<ScoredId>> rankings, int limit) {
            if (rankings.size() != weights.size()) {
                throw new IllegalArgumentException(rankings.size() + " rankings for " + weights.size() + " weights");
            }
            List<Map<String, Double>> normalised = rankings.stream().map(this::normalise).toList();
            Map<String, Double> fused = new HashMap<>();
            rankings.forEach(ranking -> ranking.forEach(hit -> fused.put(hit.id(), 0.0)));
            for (int list = 0; list < rankings.size(); list++) {
                Map<String, Double> scores = normalised.get(list);
                double floor = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double weight = weights.get(list);
                fused.replaceAll((id, sum) -> sum + weight * scores.getOrDefault(id, floor));
            }
            return best(fused, limit);
        }

        private Map<String, Double> normalise(List<ScoredId> ranking) {
            DoubleSummaryStatistics stats = ranking.stream().mapToDouble(ScoredId::score).summaryStatistics();
            double centre;
            double spread;
            if (normalisation == Normalisation.MIN_MAX) {
                centre = stats.getMin();
                spread = stats.getMax() - stats.getMin();
            } else {
                centre = stats.getAverage();
                spread = Math.sqrt(ranking.stream()
                        .mapToDouble(hit -> (hit.score() - centre) * (hit.score() - centre)).sum() / Math.max(1, ranking.size()));
            }
            double scale = spread > 0 ? spread : 1;
            Map<String, Double> out = new HashMap<>();
            for (ScoredId hit : ranking) {
                out.putIfAbsent(hit.id(), (hit.score() - centre) / scale);
            }
            return out;
        }
    }

    private static List<ScoredId> best(Map<String, Double> fused, int limit) {
        List<ScoredId> all = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> all.add(new ScoredId(id, score)));
        all.sort(Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::id));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
