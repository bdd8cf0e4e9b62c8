package paperboy.search;

import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns text into L2-normalised 384-dimensional vectors with one of the {@link EmbeddingModel}s
 * (quantised ONNX), run in-process by ONNX Runtime (CPU) from the model and tokenizer files in the
 * jar ({@link ModelFiles}); no network. Papers are embedded as they are ({@link #embed}), queries
 * with the model's retrieval instruction in front ({@link #embedQuery}).
 *
 * <p>Texts are cut at {@link Settings#maxTokens()} and embedded in padded batches of texts of
 * similar length, which is what makes throughput on two cores acceptable.
 *
 * <p>Thread-safe; create one per process and close it at exit. The model loads on first use
 * (about a second), so a command that never embeds never loads it.
 */
public final class Embedder implements AutoCloseable {

    private static final int DIMENSIONS = 384;

    /**
     * How to run the model: texts per ONNX call, ONNX intra-op threads, and the wordpiece window
     * (including [CLS] and [SEP]) past which a text is cut.
     */
    public record Settings(int batchSize, int threads, int maxTokens) {
        /**
         * Measured best for MiniLM on a 2-core machine (BENCHMARKS.md, "Embedding throughput"): 2
         * ONNX threads, batches of 8 (larger batches were slower there), cut at 256 wordpieces.
         */
        public static final Settings DEFAULT = new Settings(8, 2, 256);
        /** Measured best for bge-small on a 2-core machine (BENCHMARKS.md, "Embedding throughput"). */
        public static final Settings BGE_SMALL = new Settings(8, 2, 256);

        /** The measured best settings of a model. */
        public static Settings of(EmbeddingModel model) {
            return switch (model) {
                case MINILM -> DEFAULT;
                case BGE_SMALL -> BGE_SMALL;
            };
        }

        public Settings {
            if (batchSize < 1 || threads < 1 || maxTokens < 3 || maxTokens > 512) {
                throw new IllegalArgumentException("bad embedder settings: " + batchSize + ", " + threads + ", " + maxTokens);
            }
        }
    }

    private final EmbeddingModel kind;
    private final Settings settings;
    private final boolean queryPrefix;
    private volatile Model model; // loaded on first use: commands that never embed never pay for it
    private boolean closed; // guarded by this, like the load

    /** The loaded tokenizer and ONNX session. */
    private record Model(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
            boolean wantsTokenTypes) {}

    /** The model with its measured best settings, queries with its instruction if it uses one by default. */
    public Embedder(EmbeddingModel kind) {
        this(kind, Settings.of(kind), kind.prefixByDefault());
    }

    /** @param queryPrefix whether queries get the model's retrieval instruction (if it has one) */
    public Embedder(EmbeddingModel kind, Settings settings, boolean queryPrefix) {
        if (settings.maxTokens() > kind.maxTokens()) {
            throw new IllegalArgumentException(kind.displayName() + " takes at most " + kind.maxTokens() + " wordpieces");
        }
        this.kind = kind;
        this.settings = settings;
        this.queryPrefix = queryPrefix;
    }

    private Model model() {
        Model loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (closed) { // a load now could still be running natively when the JVM exits (a crash)
                    throw new IllegalStateException("the embedding model is closed");
                }
                if (model == null) {
                    model = load(kind.files(), settings);
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private static Model load(ModelFiles files, Settings settings) {
        // DJL reports usage to AWS (an EC2 metadata call) on first load unless told not to, and on
        // a machine with a CUDA GPU it downloads a CUDA build of its tokenizer native instead of
        // taking the CPU one in the jar: a self-hosted feed must not phone home. Offline mode keeps
        // it to the jar. Set only when the operator has not decided.
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        HuggingFaceTokenizer tokenizer = tokenizer(files);
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(settings.threads());
                options.setInterOpNumThreads(1);
                // Idle ONNX threads busy-wait by default, taking CPU from requests and Lucene.
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtSession session = environment.createSession(files.model(), options);
                return new Model(environment, session, tokenizer, session.getInputNames().contains("token_type_ids"));
            }
        } catch (OrtException e) {
            tokenizer.close();
            throw new IllegalStateException("cannot load the embedding model", e);
        } catch (UnsatisfiedLinkError e) { // ONNX Runtime found no native library for this platform
            tokenizer.close();
            throw new IllegalStateException("cannot load ONNX Runtime" + onThisPlatform(), e);
        }
    }

    private static HuggingFaceTokenizer tokenizer(ModelFiles files) {
        try (InputStream json = files.tokenizer()) {
            // A bundled tokenizer.json may pad and truncate (MiniLM's to 128); we do both ourselves.
            return HuggingFaceTokenizer.newInstance(json,
                    Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of the embedding model", e);
        } catch (EngineException e) { // DJL could not load its native library
            throw new IllegalStateException("cannot load the tokenizer of the embedding model" + onThisPlatform(), e);
        }
    }

    /** Why a native library may be missing: the jar carries those of the platform it was built on. */
    private static String onThisPlatform() {
        return " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ": the jar carries the native libraries of the platform it was built on (Linux x86-64 or aarch64,"
                + " macOS on Apple silicon); build it on this machine, or for all of them with mvn package -Pall-platforms";
    }

    public String modelName() {
        return kind.displayName() + " (quantised)";
    }

    public EmbeddingModel kind() {
        return kind;
    }

    /**
     * Names the vectors this embedder makes, for storing them: the model and the window, since a
     * text cut at another length gives another vector (the query instruction changes no paper's).
     */
    public String modelKey() {
        return kind.files().name() + "/" + settings.maxTokens();
    }

    public int dimensions() {
        return DIMENSIONS;
    }

    public Settings settings() {
        return settings;
    }

    /** The vector of one paper or passage (cut at the window); equal to {@code embedAll(List.of(text))}. */
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /** The vector of a search query: the text after the model's retrieval instruction, if it has one. */
    public float[] embedQuery(String query) {
        return embed(queryText(query));
    }

    /** What is embedded for a query. */
    String queryText(String query) {
        return queryPrefix ? kind.queryPrefix() + query : query;
    }

    /**
     * Vectors for many texts, in input order. Texts are sorted by length before batching so that
     * a batch pads little; that changes no vector beyond float rounding.
     */
    public List<float[]> embedAll(List<String> texts) {
        List<long[]> ids = texts.stream().map(this::tokenIds).toList();
        Integer[] order = new Integer[ids.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        float[][] vectors = new float[ids.size()][];
        for (int from = 0; from < order.length; from += settings.batchSize()) {
            List<Integer> batch = Arrays.asList(order).subList(from, Math.min(order.length, from + settings.batchSize()));
            float[][] out = run(batch.stream().map(ids::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors[batch.get(j)] = out[j];
            }
        }
        return Arrays.asList(vectors);
    }

    /** Number of wordpieces of a text, without [CLS] and [SEP]. */
    public int tokenCount(String text) {
        return model().tokenizer().encode(text, false, false).getIds().length;
    }

    /**
     * Cuts a text into passages of at most {@code size} wordpieces that overlap by about {@code
     * overlap} and neither start nor end inside a word; for long texts that should be embedded
     * window by window.
     */
    public List<String> windows(String text, int size, int overlap) {
        if (size < 1 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("bad window " + size + "/" + overlap);
        }
        Encoding encoding = model().tokenizer().encode(text, false, false);
        String[] tokens = encoding.getTokens();
        CharSpan[] spans = encoding.getCharTokenSpans();
        List<String> passages = new ArrayList<>();
        int start = 0;
        while (start < tokens.length) {
            int end = Math.min(tokens.length, start + size);
            while (end < tokens.length && end > start + 1 && tokens[end].startsWith("##")) {
                end--; // end before the word that would be split, unless the word alone is too long
            }
            passages.add(text.substring(spans[start].getStart(), spans[end - 1].getEnd()));
            if (end == tokens.length) {
                break;
            }
            int next = Math.max(start + 1, end - overlap);
            while (next < end && tokens[next].startsWith("##")) {
                next++;
            }
            start = next;
        }
        return passages.isEmpty() ? List.of(text) : passages;
    }

    @Override
    public synchronized void close() {
        closed = true;
        Model loaded = model;
        if (loaded == null) {
            return;
        }
        model = null;
        try {
            loaded.session().close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            loaded.tokenizer().close();
        }
    }

    /** [CLS] wordpieces [SEP], cut to the window while keeping the final [SEP]. */
    private long[] tokenIds(String text) {
        long[] ids = model().tokenizer().encode(text).getIds();
        if (ids.length <= settings.maxTokens()) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, settings.maxTokens());
        cut[cut.length - 1] = ids[ids.length - 1];
        return cut;
    }

    private float[][] run(List<long[]> batch) {
        int rows = batch.size();
        int width = batch.stream().mapToInt(ids -> ids.length).max().orElseThrow();
        long[] inputIds = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] ids = batch.get(r);
            System.arraycopy(ids, 0, inputIds, r * width, ids.length);
            Arrays.fill(mask, r * width, r * width + ids.length, 1L);
        }
        long[] shape = {rows, width};
        Model m = model();
        OrtEnvironment environment = m.environment();
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape)) {
            Map<String, OnnxTensor> inputs = m.wantsTokenTypes()
                    ? Map.of("input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typesTensor)
                    : Map.of("input_ids", idsTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = m.session().run(inputs)) {
                float[][][] tokens = (float[][][]) result.get(0).getValue();
                float[][] pooled = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    float[] vector = kind.pooling() == EmbeddingModel.Pooling.CLS
                            ? tokens[r][0]
                            : meanOfFirst(tokens[r], batch.get(r).length);
                    pooled[r] = Vectors.normalise(vector);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    /** Mean pooling over the real (unpadded) tokens, as sentence-transformers does for MiniLM. */
    private static float[] meanOfFirst(float[][] tokens, int count) {
        float[] mean = new float[tokens[0].length];
        for (int t = 0; t < count; t++) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= count;
        }
        return mean;
    }
}
