package paperboy.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import paperboy.eval.BeirDataset;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.PaperText;
import paperboy.search.ScoredId;
import paperboy.search.Vectors;

/**
 * The corpus embedded one way (a text strategy), searched by brute-force cosine. A document may
 * have several vectors (its windows); they are averaged, or the best one counts ("max").
 */
final class DocumentVectors {

    static final String[] STRATEGIES = {
        "truncate256", "truncate512", "windows200-mean", "windows200-max", "title-windows-mean", "truncate256-batch1"};

    private final List<String> ids;
    private final List<List<float[]>> vectors;
    private final boolean maxSim;
    private final double docsPerSecond;

    private DocumentVectors(List<String> ids, List<List<float[]>> vectors, boolean maxSim, double docsPerSecond) {
        this.ids = ids;
        this.vectors = vectors;
        this.maxSim = maxSim;
        this.docsPerSecond = docsPerSecond;
    }

    double docsPerSecond() {
        return docsPerSecond;
    }

    static DocumentVectors load(List<BeirDataset.Document> corpus, String strategy, Embedder embedder, Path cacheDir) throws IOException {
        List<String> ids = corpus.stream().map(BeirDataset.Document::id).toList();
        String base = strategy.replace("-max", "-mean");
        Path cache = cacheDir.resolve(base + ".vectors");
        if (Files.exists(cache)) {
            return new DocumentVectors(ids, read(cache), strategy.endsWith("-max"), Double.NaN);
        }
        long start = System.nanoTime();
        List<List<float[]>> vectors = switch (base) {
            case "truncate256" -> single(embedder.embedAll(texts(corpus)));
            case "truncate512" -> {
                try (Embedder wide = new Embedder(EmbeddingModel.MINILM, new Embedder.Settings(32, 2, 512), true)) {
                    yield single(wide.embedAll(texts(corpus)));
                }
            }
            case "truncate256-batch1" -> {
                try (Embedder one = new Embedder(EmbeddingModel.MINILM, new Embedder.Settings(1, 2, 256), true)) {
                    yield single(one.embedAll(texts(corpus)));
                }
            }
            case "windows200-mean" -> windows(embedder, corpus.stream().map(d -> embedder.windows(PaperText.of(d.title(), d.text()), 200, 50)).toList());
            case "title-windows-mean" -> windows(embedder, corpus.stream().map(d -> embedder.windows(d.text(), 200, 50).stream()
                    .map(w -> PaperText.of(d.title(), w)).toList()).toList());
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
        double rate = corpus.size() / ((System.nanoTime() - start) / 1e9);
        write(cache, vectors);
        return new DocumentVectors(ids, vectors, strategy.endsWith("-max"), rate);
    }

    /** Best first by cosine (mean vector, or best window), ties by ascending id. */
    List<ScoredId> search(float[] query, int limit) {
        List<ScoredId> all = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            List<float[]> doc = vectors.get(i);
            double score;
            if (maxSim) {
                score = doc.stream().mapToDouble(v -> Vectors.dot(query, v)).max().orElseThrow();
            } else {
                score = Vectors.dot(query, doc.size() == 1 ? doc.getFirst() : Vectors.normalisedMean(doc));
            }
            all.add(new ScoredId(ids.get(i), score));
        }
        all.sort(Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::id));
        return all.subList(0, Math.min(limit, all.size()));
    }

    private static List<String> texts(List<BeirDataset.Document> corpus) {
        return corpus.stream().map(d -> PaperText.of(d.title(), d.text())).toList();
    }

    private static List<List<float[]>> single(List<float[]> vectors) {
        return vectors.stream().map(List::of).toList();
    }

    private static List<List<float[]>> windows(Embedder embedder, List<List<String>> perDoc) {
        List<float[]> flat = embedder.embedAll(perDoc.stream().flatMap(List::stream).toList());
        List<List<float[]>> out = new ArrayList<>();
        int at = 0;
        for (List<String> doc : perDoc) {
            out.add(flat.subList(at, at + doc.size()));
            at += doc.size();
        }
        return out;
    }

    private static void write(Path file, List<List<float[]>> vectors) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(vectors.size());
            for (List<float[]> doc : vectors) {
                out.writeInt(doc.size());
                for (float[] v : doc) {
                    out.writeInt(v.length);
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
        }
    }

    private static List<List<float[]>> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int docs = in.readInt();
            List<List<float[]>> out = new ArrayList<>(docs);
            for (int d = 0; d < docs; d++) {
                int n = in.readInt();
                List<float[]> doc = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    float[] v = new float[in.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    doc.add(v);
                }
                out.add(doc);
            }
            return out;
        }
    }
}
