package paperboy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import paperboy.eval.BeirDataset;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.PaperText;

/**
 * Abstracts embedded per second for each model, ONNX thread count, batch size and wordpiece window,
 * on real abstracts (the first TEXTS documents of a BEIR corpus, title + abstract as PaperText
 * builds them). The configurations take turns, round after round, so that a change in the load of
 * a shared machine falls on all of them alike; each line is one measurement, and the table at the
 * end gives each configuration's median. Not a test; run it with
 *
 * <pre>bench/run.sh EmbeddingThroughput [DATASET_DIR] [TEXTS] [MODELS] [THREADS] [BATCHES] [WINDOWS] [ROUNDS]</pre>
 *
 * e.g. {@code bench/run.sh EmbeddingThroughput /work/shared/datasets/scifact 96 minilm,bge-small 1,2 8,32 256,512 3}.
 */
public final class EmbeddingThroughput {

    private record Setting(EmbeddingModel model, int threads, int batch, int window) {
        @Override
        public String toString() {
            return String.format("%-9s threads %d  batch %2d  window %3d", model.id(), threads, batch, window);
        }
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/datasets/scifact");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 160;
        List<EmbeddingModel> models = Arrays.stream((args.length > 2 ? args[2] : "minilm,bge-small").split(","))
                .map(EmbeddingModel::parse).toList();
        int[] threads = ints(args.length > 3 ? args[3] : "1,2");
        int[] batches = ints(args.length > 4 ? args[4] : "8,32");
        int[] windows = ints(args.length > 5 ? args[5] : "256,512");
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        List<String> texts;
        try (Stream<BeirDataset.Document> docs = new BeirDataset(dir).documents()) {
            texts = docs.limit(count).map(d -> PaperText.of(d.title(), d.text())).toList();
        }
        System.out.printf("%d texts from %s; %s%n", texts.size(), dir, Machine.describe());
        List<Setting> settings = new ArrayList<>();
        for (EmbeddingModel model : models) {
            for (int t : threads) {
                for (int b : batches) {
                    for (int w : windows) {
                        if (w <= model.maxTokens()) {
                            settings.add(new Setting(model, t, b, w));
                        }
                    }
                }
            }
        }
        Map<Setting, Embedder> embedders = new LinkedHashMap<>();
        Map<Setting, List<Double>> rates = new LinkedHashMap<>();
        try {
            for (Setting s : settings) {
                Embedder embedder = new Embedder(s.model(), new Embedder.Settings(s.batch(), s.threads(), s.window()), true);
                embedders.put(s, embedder);
                rates.put(s, new ArrayList<>());
                embedder.embedAll(texts.subList(0, Math.min(16, texts.size()))); // loads the model, warms up
            }
            double tokens = texts.stream().mapToInt(embedders.values().iterator().next()::tokenCount).average().orElse(0);
            System.out.printf("mean %.0f wordpieces per text (of the first model's tokenizer) before any cut%n", tokens);
            for (int round = 1; round <= rounds; round++) {
                for (Setting s : settings) {
                    long start = System.nanoTime();
                    embedders.get(s).embedAll(texts);
                    double perSecond = texts.size() / ((System.nanoTime() - start) / 1e9);
                    rates.get(s).add(perSecond);
                    System.out.printf("round %d  %s  %6.1f abstracts/s  (load %s)%n", round, s, perSecond, Machine.load());
                    System.out.flush();
                }
            }
        } finally {
            embedders.values().forEach(Embedder::close);
        }
        System.out.println("median of " + rounds + " rounds:");
        rates.forEach((s, r) -> System.out.printf("  %s  %6.1f abstracts/s%n", s, median(r)));
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
