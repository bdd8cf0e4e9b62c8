package paperboy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import paperboy.App;
import paperboy.config.Config;
import paperboy.config.ConfigLoader;
import paperboy.config.SearchSettings;
import paperboy.eval.BeirCorpus;
import paperboy.eval.BeirDataset;
import paperboy.eval.EvalReport;
import paperboy.eval.Evaluation;
import paperboy.search.SearchFilters;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperboy eval --beir DIR}: loads a BEIR dataset into a throw-away data folder, indexes and
 * embeds it with the product's own code, and prints nDCG@10, Recall@100 and MRR@10 per mode.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure search quality on a BEIR-format dataset (corpus.jsonl, queries.jsonl, qrels/<split>.tsv).")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--beir", required = true, paramLabel = "DIR", description = "the BEIR dataset folder")
    Path beir;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "qrels split (default: test)")
    String split;

    @Option(names = "--mode", defaultValue = "all", paramLabel = "MODE",
            description = "keyword, semantic, hybrid or all (default: all)")
    String mode;

    @Option(names = "--json", description = "end the output with one line of JSON")
    boolean json;

    @Option(names = "--fusion", defaultValue = SearchSettings.DEFAULT_FUSION, paramLabel = "FUSION",
            description = "hybrid fusion: rrf, rrf:K or weighted:W[:minmax|zscore] (default: ${DEFAULT-VALUE})")
    String fusion;

    @Option(names = "--vectors", defaultValue = SearchSettings.DEFAULT_VECTOR_FORMAT, paramLabel = "FORMAT",
            description = "how the index keeps vectors: float32 or int8 (default: ${DEFAULT-VALUE})")
    String vectors;

    @Option(names = "--similarity-floor", split = ",", paramLabel = "COSINE",
            description = "similarity floors to compare (e.g. 0,0.2,0.3): semantic and hybrid run once per floor; "
                    + "default: the configured one (" + SearchSettings.DEFAULT_SIMILARITY_FLOOR + ")")
    List<Double> floors = List.of();

    @Option(names = "--work", paramLabel = "DIR",
            description = "keep the data folder here and reuse it next time (vectors are not embedded again); default: a temporary folder, deleted")
    Path work;

    @Override
    public Integer call() throws Exception {
        Logging.setLevel(ConfigLoader.fromSystem().logLevel()); // the only setting eval takes from the environment
        List<SearchRequest.Mode> modes = modes(mode);
        BeirDataset dataset = new BeirDataset(beir);
        Evaluation evaluation = Evaluation.of(dataset, split);
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("paperboy-eval");
        boolean semantic = modes.stream().anyMatch(m -> m != SearchRequest.Mode.KEYWORD);
        SearchSettings settings = new SearchSettings(semantic, vectors, fusion);
        try {
            Map<String, Evaluation.Scores> results = new LinkedHashMap<>();
            if (floors.isEmpty()) {
                results.putAll(run(evaluation, dataset, folder, settings, modes, ""));
            } else {
                // The floor only changes matches by meaning: keyword runs once, the others once per floor.
                List<SearchRequest.Mode> byMeaning = modes.stream().filter(m -> m != SearchRequest.Mode.KEYWORD).toList();
                if (modes.contains(SearchRequest.Mode.KEYWORD)) {
                    results.putAll(run(evaluation, dataset, folder, settings, List.of(SearchRequest.Mode.KEYWORD), ""));
                }
                for (double floor : floors) {
                    results.putAll(run(evaluation, dataset, folder, settings.withSimilarityFloor(floor), byMeaning,
                            String.format(Locale.ROOT, "@%.2f", floor)));
                }
            }
            EvalReport report = new EvalReport(dataset.name(), split, results);
            System.out.print(report.toTable());
            if (json) {
                System.out.println(report.toJson());
            }
            return 0;
        } finally {
            if (work == null) {
                deleteQuietly(folder);
            }
        }
    }

    /** Scores of {@code modes} with {@code settings}, each labelled with the mode and {@code suffix}. */
    private static Map<String, Evaluation.Scores> run(Evaluation evaluation, BeirDataset dataset, Path folder,
            SearchSettings settings, List<SearchRequest.Mode> modes, String suffix) throws IOException {
        Map<String, Evaluation.Scores> results = new LinkedHashMap<>();
        Config config = new Config(0, folder, null, false).withSearch(settings);
        try (App app = new App(config)) {
            BeirCorpus corpus = load(dataset, app);
            for (SearchRequest.Mode m : modes) {
                results.put(m.label() + suffix, run(evaluation, app, corpus, m));
            }
        }
        return results;
    }

    /** One mode over every query; a query that fails or runs out of time is said on stderr, and the run goes on. */
    private static Evaluation.Scores run(Evaluation evaluation, App app, BeirCorpus corpus, SearchRequest.Mode mode) {
        int[] incomplete = {0};
        Evaluation.Scores scores = evaluation.run((query, limit) -> {
            SearchResults found = app.index().search(
                    new SearchRequest(query, mode, SearchFilters.NONE, SearchRequest.Sort.RELEVANCE, 0, limit));
            incomplete[0] += found.incomplete() ? 1 : 0;
            return found.hits().stream().map(hit -> corpus.beirId(hit.id())).toList();
        }, failure -> System.err.printf("%s: query %s failed and scores zero: %s%n",
                mode.label(), failure.query().id(), failure.error()));
        if (incomplete[0] > 0) {
            System.err.printf("%s: %d queries ran out of the search time budget; their results may be incomplete%n",
                    mode.label(), incomplete[0]);
        }
        return scores;
    }

    private static BeirCorpus load(BeirDataset dataset, App app) {
        long started = System.nanoTime();
        BeirCorpus corpus = BeirCorpus.load(dataset, app.papers());
        app.index().rebuild(app.papers()); // a reused folder may hold another vector format
        System.err.printf("loaded and indexed %d documents in %.1f s%n", corpus.size(), seconds(started));
        if (app.embeddingWorker().isOn()) {
            started = System.nanoTime();
            long embedded = app.embeddingWorker().embedPending();
            System.err.printf("embedded %d documents in %.1f s%n", embedded, seconds(started));
        }
        return corpus;
    }

    static List<SearchRequest.Mode> modes(String text) {
        if (text.equalsIgnoreCase("all")) {
            return List.of(SearchRequest.Mode.KEYWORD, SearchRequest.Mode.SEMANTIC, SearchRequest.Mode.HYBRID);
        }
        return List.of(SearchRequest.Mode.parse(text));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
