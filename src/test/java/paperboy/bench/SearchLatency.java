package paperboy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import paperboy.db.Database;
import paperboy.ingest.Importer;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.EmbeddingWorker;
import paperboy.search.Fusion;
import paperboy.search.PaperIndex;
import paperboy.search.PaperVectors;
import paperboy.search.SearchRequest;
import paperboy.search.Semantic;
import paperboy.search.Vectors;

/**
 * Search latency per mode at a given corpus size, with 1 and 2 client threads.
 *
 * <p>The corpus is built from the real daily-papers abstracts (9,577 papers, CC0 metadata, read
 * from DAYS_DIR): they are imported and embedded once (cached in WORK/base, which also gives the
 * embedding rate on real abstracts), then copied to N papers with made-up ids, each copy's
 * abstract a random 90 % of its source's sentences in a shuffled order and its vector the source's
 * real vector plus Gaussian noise (sigma 0.01 per dimension, renormalised). The copies go through
 * the product's own store and index (PaperStore, PaperVectors, PaperIndex.catchUp), which is the
 * index build time reported. Queries are 200 titles of source papers, lower-cased; hybrid and
 * semantic times include embedding the query. Each measured line also gives the process's page
 * faults per search (the heap and the index's pages touched for the first time, in a new process).
 *
 * <p>Before measuring, the index is merged into one segment when a merge is due, as serve does
 * once writing has gone quiet ({@code -Dmerge=false} measures it as the build left it).
 *
 * <p>Not a test; run with {@code bench/run.sh SearchLatency DAYS_DIR N WORK [float32|int8]}; to measure
 * some modes only, {@code BENCH_JAVA_OPTS=-Dmodes=keyword}; {@code -Dwarmup=10} asks ten sets of
 * queries before measuring instead of one, {@code -Drounds=10} measures ten sets instead of three.
 */
public final class SearchLatency {
    private static final int QUERIES = 200;
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    /**
     * Sets of queries asked before each mode is measured: 1 by default (the figures in BENCHMARKS.md
     * before 2026-12-01 19:00); more for a process in its steady state, JIT-compiled and with the
     * index's pages mapped, as a server is after its first minutes.
     */
    private static final int WARM_UP_SETS = Integer.getInteger("warmup", 1);
    /**
     * Whether the index is merged into one segment before it is measured, as serve merges it once
     * writing has gone quiet after a bulk write ({@code -Dmerge=false}: as the build left it; the
     * figures in BENCHMARKS.md before 2026-12-02 were measured so).
     */
    private static final boolean MERGE = !"false".equals(System.getProperty("merge"));

    public static void main(String[] args) throws Exception {
        Path days = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Semantic.VectorFormat format = Semantic.VectorFormat.parse(args.length > 3 ? args[3] : "float32");
        System.out.printf("SearchLatency N=%,d format=%s; %s%n", n, format, Machine.describe());
        try (Embedder embedder = new Embedder(EmbeddingModel.MINILM)) {
            List<Source> sources = sources(days, work.resolve("base"), embedder);
            Path corpus = work.resolve("n" + n + "-" + format.name().toLowerCase());
            boolean fresh = !Files.exists(corpus);
            try (Database db = Database.open("jdbc:sqlite:" + Files.createDirectories(corpus).resolve("p.db"))) {
                Semantic semantic = new Semantic(embedder, db.jdbi(), format, Fusion.ReciprocalRank.DEFAULT);
                PaperStore store = new PaperStore(db.jdbi());
                if (fresh) {
                    fill(store, semantic.vectors(), sources, n);
                }
                long started = System.nanoTime();
                try (PaperIndex index = new PaperIndex(corpus.resolve("index"), semantic)) {
                    long indexed = index.catchUp(store);
                    System.out.printf("index build: %,d papers in %.1f s (load %s)%n", indexed, (System.nanoTime() - started) / 1e9, Machine.load());
                    if (MERGE) { // what serve does once writing has gone quiet (QuietMerges)
                        index.mergeSegments().ifPresent(m -> System.out.printf("merged %d segments (%,d documents) into one in %.1f s (load %s)%n",
                                m.segments(), m.documents(), m.seconds(), Machine.load()));
                    }
                    System.out.printf("index size: %.1f MiB in %d segments, vectors in index: %,d%n", size(corpus.resolve("index")) / 1048576.0,
                            segments(corpus.resolve("index")), index.vectorCount());
                    measure(index, sources);
                }
            }
        }
    }

    /** A real paper and its real vector. */
    private record Source(Paper paper, float[] vector) {}

    private static List<Source> sources(Path days, Path base, Embedder embedder) throws IOException {
        boolean fresh = !Files.exists(base);
        try (Database db = Database.open("jdbc:sqlite:" + Files.createDirectories(base).resolve("p.db"))) {
            PaperStore store = new PaperStore(db.jdbi());
            Semantic semantic = new Semantic(embedder, db.jdbi());
            if (fresh) {
                new Importer(new paperboy.ingest.ImportLog(db.jdbi(), store, Clock.systemUTC()), new PrintStream(OutputStream.nullOutputStream())).importPaths(List.of(days));
            }
            try (PaperIndex index = new PaperIndex(base.resolve("index"), semantic)) {
                index.catchUp(store);
                long started = System.nanoTime();
                long embedded = new EmbeddingWorker(store, index, semantic, Clock.systemUTC()).embedPending();
                if (embedded > 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("embedded %,d real abstracts in %.0f s: %.1f papers/s (load %s)%n", embedded, seconds, embedded / seconds, Machine.load());
                }
            }
            List<Source> sources = new ArrayList<>();
            List<Change> page;
            Change.Position position = Change.Position.START;
            while (!(page = store.changesSince(position, 2000)).isEmpty()) {
                Map<String, PaperVectors.Stored> vectors = semantic.vectors().find(page.stream().map(c -> c.paper().id()).toList());
                for (Change c : page) {
                    sources.add(new Source(c.paper(), vectors.get(c.paper().id().value()).vector()));
                }
                position = page.getLast().position();
            }
            System.out.printf("%,d source papers with real vectors%n", sources.size());
            return sources;
        }
    }

    private static void fill(PaperStore store, PaperVectors vectors, List<Source> sources, int n) {
        Random random = new Random(42);
        long started = System.nanoTime();
        List<PaperUpdate> batch = new ArrayList<>();
        Map<ArxivId, PaperVectors.Stored> batchVectors = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Source source = sources.get(i % sources.size());
            ArxivId id = paperboy.eval.BeirCorpus.idFor(i);
            Paper p = source.paper();
            String summary = shuffledSentences(p.summary(), random);
            Paper copy = new Paper(id, 1, p.title(), summary, p.authors(), p.categories(), p.publishedAt(), p.updatedAt(),
                    p.bibliography(), p.links(), p.community());
            batch.add(PaperUpdate.of(copy));
            batchVectors.put(id, new PaperVectors.Stored(PaperVectors.hash(paperboy.search.PaperText.of(copy)), noisy(source.vector(), random)));
            if (batch.size() == 2000 || i == n - 1) {
                store.upsert(batch, "bench");
                vectors.save(batchVectors);
                batch.clear();
                batchVectors.clear();
            }
        }
        System.out.printf("stored %,d papers with vectors in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
    }

    private static String shuffledSentences(String text, Random random) {
        List<String> sentences = new ArrayList<>(Arrays.asList(text.split("(?<=\\.)\\s+")));
        Collections.shuffle(sentences, random);
        int keep = Math.max(1, (int) Math.ceil(sentences.size() * 0.9));
        return String.join(" ", sentences.subList(0, keep));
    }

    private static float[] noisy(float[] vector, Random random) {
        float[] out = vector.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (random.nextGaussian() * 0.01);
        }
        return Vectors.normalise(out);
    }

    /** Queries from random titles; each seed gives another set, so that no measured search was asked before. */
    private static List<String> queries(List<Source> sources, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            String title = sources.get(random.nextInt(sources.size())).paper().title().toLowerCase();
            queries.add(title.replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip());
        }
        return queries;
    }

    /**
     * Every measured search is asked for the first time (a new set of queries per round), so none is
     * answered from the index's remembered answers; the count of those printed at the end says so.
     */
    private static void measure(PaperIndex index, List<Source> sources) throws Exception {
        long seed = 7;
        for (SearchRequest.Mode mode : modes()) {
            for (int set = 0; set < WARM_UP_SETS; set++) {
                run(index, queries(sources, seed++), mode, 1); // warm-up
            }
            for (int threads : new int[] {1, 2}) {
                List<Long> times = Collections.synchronizedList(new ArrayList<>());
                long[] faults = Machine.pageFaults();
                long wall = System.nanoTime();
                for (int round = 0; round < ROUNDS; round++) {
                    times.addAll(run(index, queries(sources, seed++), mode, threads));
                }
                double seconds = (System.nanoTime() - wall) / 1e9;
                long[] faultsAfter = Machine.pageFaults();
                List<Long> sorted = new ArrayList<>(times);
                Collections.sort(sorted);
                System.out.printf("%-8s threads %d: p50 %6.2f ms  p99 %6.1f ms  %6.1f queries/s  page faults/search %.0f minor %.1f major  (load %s)%n",
                        mode.label(), threads, sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6, sorted.size() / seconds,
                        (faultsAfter[0] - faults[0]) / (double) sorted.size(), (faultsAfter[1] - faults[1]) / (double) sorted.size(), Machine.load());
            }
        }
        System.out.printf("searches answered from remembered answers: %d of %d (repeats within a set of random titles)%n",
                index.answerCounts().hits(), index.answerCounts().hits() + index.answerCounts().misses());
        PaperIndex.Remembered words = index.knownTermCounts();
        System.out.printf("query words whose place in the index was remembered: %d of %d%n", words.hits(), words.hits() + words.misses());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after GC: %.0f MiB (max %.0f MiB)%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);
    }

    /** The modes to measure: all, or those named in {@code -Dmodes=keyword,hybrid} (through BENCH_JAVA_OPTS). */
    private static List<SearchRequest.Mode> modes() {
        String named = System.getProperty("modes");
        if (named == null || named.isBlank()) {
            return List.of(SearchRequest.Mode.values());
        }
        return Arrays.stream(named.split(",")).map(m -> SearchRequest.Mode.valueOf(m.strip().toUpperCase(java.util.Locale.ROOT))).toList();
    }

    private static List<Long> run(PaperIndex index, List<String> queries, SearchRequest.Mode mode, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (String q : queries) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    index.search(new SearchRequest(q, mode, null, null, 0, 20));
                    return System.nanoTime() - t;
                }));
            }
            List<Long> times = new ArrayList<>();
            for (Future<Long> f : futures) {
                times.add(f.get());
            }
            return times;
        } finally {
            pool.shutdown();
        }
    }

    /** Segments in the index's folder (one .si file each; files of merged-away segments are deleted on commit). */
    private static long segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".si")).count();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
