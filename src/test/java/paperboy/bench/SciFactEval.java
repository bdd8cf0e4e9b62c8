package paperboy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import paperboy.eval.BeirDataset;
import paperboy.eval.Evaluation;
import paperboy.eval.Retriever;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.Fusion;
import paperboy.search.ScoredId;

/**
 * Tunes keyword, semantic and hybrid retrieval on a BEIR dataset without PaperIndex: BM25 in a
 * throw-away Lucene index, brute-force cosine over all documents, and {@link Fusion} of the two.
 * Not a test; run it with {@code bench/run.sh SciFactEval [DIR] [SPLIT] [STRATEGY...]}; set
 * KEYWORD_GRID=best to skip the BM25 grid and run only its winner.
 */
public final class SciFactEval {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/datasets/scifact");
        String split = args.length > 1 ? args[1] : "train";
        List<String> strategies = args.length > 2 ? List.of(args).subList(2, args.length) : List.of(DocumentVectors.STRATEGIES);
        BeirDataset dataset = new BeirDataset(dir);
        List<BeirDataset.Document> corpus;
        try (Stream<BeirDataset.Document> docs = dataset.documents()) {
            corpus = docs.toList();
        }
        Evaluation evaluation = Evaluation.of(dataset, split);
        System.out.printf("%s %s: %d documents, %d judged queries; %s%n", dataset.name(), split, corpus.size(),
                evaluation.queries().size(), Machine.describe());

        Map<String, List<ScoredId>> keyword = keywordRuns(corpus, evaluation);
        Map<String, List<ScoredId>> semantic = semanticRuns(corpus, evaluation, strategies);
        hybridRuns(evaluation, keyword, semantic);
    }

    /** Tries analyzers, title boosts and BM25 parameters; returns the best configuration's lists. */
    private static Map<String, List<ScoredId>> keywordRuns(List<BeirDataset.Document> corpus, Evaluation evaluation) throws IOException {
        List<Bm25Search.Config> configs = new ArrayList<>();
        if ("best".equals(System.getenv("KEYWORD_GRID"))) { // the winner of the full grid, to save time
            configs.add(new Bm25Search.Config("EnglishAnalyzer", new EnglishAnalyzer(), 0, 1.2f, 0.75f));
        }
        for (float[] kb : configs.isEmpty() ? new float[][] {{1.2f, 0.75f}, {0.9f, 0.4f}} : new float[0][]) {
            for (float boost : new float[] {0, 1, 2, 3}) {
                configs.add(new Bm25Search.Config("StandardAnalyzer", new StandardAnalyzer(), boost, kb[0], kb[1]));
                configs.add(new Bm25Search.Config("EnglishAnalyzer", new EnglishAnalyzer(), boost, kb[0], kb[1]));
            }
        }
        double best = -1;
        Map<String, List<ScoredId>> bestRuns = Map.of();
        for (Bm25Search.Config config : configs) {
            try (Bm25Search bm25 = new Bm25Search(corpus, config)) {
                Map<String, List<ScoredId>> runs = runAll(evaluation, q -> bm25.search(q, Evaluation.DEPTH));
                Evaluation.Scores scores = evaluation.run(lookup(runs));
                print("keyword  " + config, scores);
                if (scores.ndcg10() > best) {
                    best = scores.ndcg10();
                    bestRuns = runs;
                }
            }
        }
        return bestRuns;
    }

    /** Embeds the corpus per text strategy (cached under target/bench-cache); returns the best one's lists. */
    private static Map<String, List<ScoredId>> semanticRuns(List<BeirDataset.Document> corpus, Evaluation evaluation,
            List<String> strategies) throws IOException {
        Path cache = Files.createDirectories(Path.of("target", "bench-cache"));
        double best = -1;
        Map<String, List<ScoredId>> bestRuns = Map.of();
        try (Embedder embedder = new Embedder(EmbeddingModel.MINILM)) {
            List<String> queryTexts = evaluation.queries().stream().map(BeirDataset.Query::text).toList();
            Map<String, float[]> queryVectors = new LinkedHashMap<>();
            List<float[]> qv = embedder.embedAll(queryTexts);
            for (int i = 0; i < queryTexts.size(); i++) {
                queryVectors.put(queryTexts.get(i), qv.get(i));
            }
            for (String strategy : strategies) {
                DocumentVectors vectors = DocumentVectors.load(corpus, strategy, embedder, cache);
                Map<String, List<ScoredId>> runs = runAll(evaluation, q -> vectors.search(queryVectors.get(q), Evaluation.DEPTH));
                Evaluation.Scores scores = evaluation.run(lookup(runs));
                print("semantic " + strategy + String.format(" (%.1f docs/s)", vectors.docsPerSecond()), scores);
                if (scores.ndcg10() > best) {
                    best = scores.ndcg10();
                    bestRuns = runs;
                }
            }
        }
        return bestRuns;
    }

    private static void hybridRuns(Evaluation evaluation, Map<String, List<ScoredId>> keyword, Map<String, List<ScoredId>> semantic) {
        List<Fusion> fusions = new ArrayList<>();
        for (int k : new int[] {1, 5, 10, 20, 30, 60, 100}) {
            fusions.add(new Fusion.ReciprocalRank(k));
        }
        for (Fusion.Normalisation n : Fusion.Normalisation.values()) {
            for (int w = 1; w <= 9; w++) {
                fusions.add(Fusion.WeightedScore.hybrid(w / 10.0, n));
            }
        }
        for (Fusion fusion : fusions) {
            Retriever hybrid = (q, limit) -> fusion.fuse(List.of(keyword.get(q), semantic.get(q)), limit)
                    .stream().map(ScoredId::id).toList();
            print("hybrid   " + fusion, evaluation.run(hybrid));
        }
    }

    private static Map<String, List<ScoredId>> runAll(Evaluation evaluation, Function<String, List<ScoredId>> search) {
        Map<String, List<ScoredId>> runs = new LinkedHashMap<>();
        evaluation.queries().forEach(q -> runs.computeIfAbsent(q.text(), search));
        return runs;
    }

    private static Retriever lookup(Map<String, List<ScoredId>> runs) {
        return (q, limit) -> runs.get(q).stream().limit(limit).map(ScoredId::id).toList();
    }

    private static void print(String what, Evaluation.Scores s) {
        System.out.printf("%-70s nDCG@10 %.4f  R@100 %.4f  MRR@10 %.4f  (%d queries)%n", what, s.ndcg10(), s.recall100(), s.mrr10(), s.queries());
        System.out.flush();
    }
}
