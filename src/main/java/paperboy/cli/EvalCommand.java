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
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
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

    @Option(names = "--fusion", split = ",", paramLabel = "FUSION",
            description = "hybrid fusions to compare (e.g. weighted:0.4,rrf:60): rrf, rrf:K or weighted:W[:minmax|zscore]"
                    + " (default: the model's tuned one); hybrid runs once per fusion")
    List<String> fusions = List.of();

    @Option(names = "--vectors", defaultValue = SearchSettings.DEFAULT_VECTOR_FORMAT, paramLabel = "FORMAT",
            description = "how the index keeps vectors: float32 or int8 (default: ${DEFAULT-VALUE})")
    String vectors;

    @Option(names = "--similarity-floor", split = ",", paramLabel = "COSINE",
            description = "similarity floors to compare (e.g. 0,0.2,0.3): semantic and hybrid run once per floor; "
                    + "default: the model's tuned one")
    List<Double> floors = List.of();

    @Option(names = "--model", defaultValue = SearchSettings.DEFAULT_EMBEDDING_MODEL, paramLabel = "MODEL",
            description = "embedding model: minilm or bge-small (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--query-prefix", paramLabel = "on|off",
            description = "whether queries get the model's retrieval instruction, if it has one (default: the model's setting)")
    String queryPrefix;

    @Option(names = "--window", paramLabel = "TOKENS",
            description = "cut papers at this many wordpieces (default: the model's setting)")
    Integer window;

    @Option(names = "--threads", paramLabel = "N",
            description = "ONNX Runtime threads for embedding (default: the model's setting)")
    Integer threads;

    @Option(names = "--work", paramLabel = "DIR",
            description = "keep the data folder here and reuse it next time (vectors are not embedded again); default: a temporary folder, deleted")
    Path work;

    /** Whether a run of this command has stored, indexed and embedded the corpus already. */
    private boolean loaded;
    /** The model and its settings, said on stderr before the first run. */
    private String describing = "";

    @Override
    public Integer call() throws Exception {
        Logging.setLevel(ConfigLoader.fromSystem().logLevel()); // the only setting eval takes from the environment
        List<SearchRequest.Mode> modes = modes(mode);
        BeirDataset dataset = new BeirDataset(beir);
        Evaluation evaluation = Evaluation.of(dataset, split);
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("paperboy-eval");
        boolean semantic = modes.stream().anyMatch(m -> m != SearchRequest.Mode.KEYWORD);
        SearchSettings tuned = new SearchSettings(semantic, vectors, null).withTunedModel(model);
        List<String> compared = fusions.isEmpty() ? List.of(tuned.fusion()) : fusions;
        SearchSettings settings = new SearchSettings(semantic, vectors, compared.getFirst(), tuned.similarityFloor(),
                tuned.timeout(), tuned.embeddingModel());
        EmbeddingModel kind = EmbeddingModel.parse(settings.embeddingModel());
        Embedder.Settings defaults = Embedder.Settings.of(kind);
        boolean prefix = queryPrefix == null ? kind.prefixByDefault() : switch (queryPrefix.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--query-prefix must be on or off, not " + queryPrefix);
        };
        try (Embedder embedder = new Embedder(kind, new Embedder.Settings(defaults.batchSize(),
                threads == null ? defaults.threads() : threads,
                window == null ? defaults.maxTokens() : window), prefix)) {
            describing = String.format(Locale.ROOT, "model %s, window %d, query prefix %s", embedder.modelName(),
                    embedder.settings().maxTokens(), prefix && !kind.queryPrefix().isEmpty() ? "on" : "off");
            Map<String, Evaluation.Scores> results = new LinkedHashMap<>();
            if (floors.isEmpty() && compared.size() == 1) {
                results.putAll(run(evaluation, dataset, folder, settings, embedder, modes, ""));
            } else {
                // The floor only changes matches by meaning and the fusion only hybrid: keyword runs
                // once, semantic once per floor, hybrid once per floor and fusion.
                if (modes.contains(SearchRequest.Mode.KEYWORD)) {
                    results.putAll(run(evaluation, dataset, folder, settings, embedder, List.of(SearchRequest.Mode.KEYWORD), ""));
                }
                for (double floor : floors.isEmpty() ? List.of(settings.similarityFloor()) : floors) {
                    String atFloor = floors.isEmpty() ? "" : String.format(Locale.ROOT, "@%.2f", floor);
                    for (String fusion : compared) {
                        boolean first = fusion.equals(compared.getFirst());
                        List<SearchRequest.Mode> here = modes.stream().filter(m -> m == SearchRequest.Mode.HYBRID
                                || (m == SearchRequest.Mode.SEMANTIC && first)).toList();
                        if (here.isEmpty()) {
                            continue;
                        }
                        SearchSettings these = new SearchSettings(true, vectors, fusion, floor, settings.timeout(), model);
                        results.putAll(run(evaluation, dataset, folder, these, embedder, here,
                                (compared.size() > 1 ? "[" + fusion + "]" : "") + atFloor));
                    }
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
    private Map<String, Evaluation.Scores> run(Evaluation evaluation, BeirDataset dataset, Path folder,
            SearchSettings settings, Embedder embedder, List<SearchRequest.Mode> modes, String suffix) throws IOException {
        Map<String, Evaluation.Scores> results = new LinkedHashMap<>();
        Config config = new Config(0, folder, null, false).withSearch(settings);
        try (App app = new App(config, embedder)) {
            if (!loaded) {
                System.err.println(describing); // once the folder is ours: a folder in use is said in one line
            }
            BeirCorpus corpus = loaded ? BeirCorpus.loaded(dataset) : load(dataset, app);
            loaded = true; // the next run of this command finds the corpus indexed and embedded
            for (SearchRequest.Mode m : modes) {
                Evaluation.Scores scores = run(evaluation, app, corpus, m);
                results.put(m.label() + suffix, scores);
                // as it comes, so that a long sweep shows its progress (the table follows at the end)
                System.err.printf(Locale.ROOT, "%s%s: nDCG@10 %.4f%n", m.label(), suffix, scores.ndcg10());
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
