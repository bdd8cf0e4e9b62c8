package paperboy.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import paperboy.eval.BeirDataset;
import paperboy.search.Embedder;
import paperboy.search.PaperText;

/**
 * Papers embedded per second for each batch size and ONNX thread count, on real abstracts (the
 * first TEXTS documents of a BEIR corpus, title + abstract as PaperText builds them).
 * Not a test; run it with {@code bench/run.sh EmbeddingThroughput [DATASET_DIR] [TEXTS]}.
 */
public final class EmbeddingThroughput {

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/datasets/scifact");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 320;
        List<String> texts;
        try (Stream<BeirDataset.Document> docs = new BeirDataset(dir).documents()) {
            texts = docs.limit(count).map(d -> PaperText.of(d.title(), d.text())).toList();
        }
        System.out.printf("%d texts from %s; %s%n", texts.size(), dir, Machine.describe());
        double best = 0;
        String bestSetting = "";
        for (int threads : new int[] {1, 2}) {
            for (int batch : new int[] {1, 8, 32, 64}) {
                try (Embedder embedder = new Embedder(new Embedder.Settings(batch, threads, 256))) {
                    if (threads == 1 && batch == 1) {
                        double tokens = texts.stream().mapToInt(embedder::tokenCount).average().orElse(0);
                        System.out.printf("mean %.0f wordpieces per text before the 256 cut%n", tokens);
                    }
                    embedder.embedAll(texts.subList(0, Math.min(64, texts.size()))); // warm-up
                    long start = System.nanoTime();
                    embedder.embedAll(texts);
                    double perSecond = texts.size() / ((System.nanoTime() - start) / 1e9);
                    System.out.printf("threads %d  batch %2d  %6.1f papers/s  (load %s)%n", threads, batch, perSecond, Machine.load());
                    System.out.flush();
                    if (perSecond > best) {
                        best = perSecond;
                        bestSetting = "threads " + threads + ", batch " + batch;
                    }
                }
            }
        }
        System.out.printf("best: %s at %.1f papers/s%n", bestSetting, best);
    }
}
