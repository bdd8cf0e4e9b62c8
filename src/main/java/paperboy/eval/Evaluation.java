package paperboy.eval;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a {@link Retriever} over every judged query of a split and averages nDCG@10, Recall@100
 * and MRR@10 over those queries; a query with no results counts as zero (pytrec_eval would drop
 * it, which flatters a retriever that returns nothing). A query the retriever fails on also counts
 * as zero, and is counted and handed to the caller, so one bad query never stops a run.
 */
public record Evaluation(List<BeirDataset.Query> queries, Map<String, Map<String, Integer>> qrels) {

    /** The averaged measures of one run, how many queries they average, and how many of those failed. */
    public record Scores(double ndcg10, double recall100, double mrr10, int queries, int failed) {
        /** Scores of a run in which no query failed. */
        public Scores(double ndcg10, double recall100, double mrr10, int queries) {
            this(ndcg10, recall100, mrr10, queries, 0);
        }
    }

    /** A query the retriever threw on. */
    public record Failure(BeirDataset.Query query, RuntimeException error) {
    }

    public static final int DEPTH = 100;

    public Evaluation {
        queries = List.copyOf(queries);
        qrels = Map.copyOf(qrels);
    }

    /** The judged queries of {@code split} in {@code dataset}. */
    public static Evaluation of(BeirDataset dataset, String split) {
        return new Evaluation(dataset.queries(split), dataset.qrels(split));
    }

    public Scores run(Retriever retriever) {
        return run(retriever, failure -> {});
    }

    /** Runs every query; one the retriever throws on scores zero and goes to {@code failed}. */
    public Scores run(Retriever retriever, Consumer<Failure> failed) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        int failures = 0;
        for (BeirDataset.Query query : queries) {
            Map<String, Integer> judged = qrels.get(query.id());
            List<String> ranking;
            try {
                ranking = retriever.retrieve(query.text(), DEPTH);
            } catch (RuntimeException e) {
                failed.accept(new Failure(query, e));
                failures++;
                continue;
            }
            ndcg += Metrics.ndcg(ranking, judged, 10);
            recall += Metrics.recall(ranking, judged, DEPTH);
            mrr += Metrics.reciprocalRank(ranking, judged, 10);
        }
        int n = queries.size();
        return n == 0 ? new Scores(0, 0, 0, 0) : new Scores(ndcg / n, recall / n, mrr / n, n, failures);
    }
}
