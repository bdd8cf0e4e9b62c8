package paperboy.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import paperboy.paper.ArxivId;

/**
 * The semantic vectors of papers for one embedding model, kept in the store so that rebuilding
 * the index never embeds again. Each vector remembers a hash of the text it was made from, so a
 * paper whose title or abstract changed is embedded again and an unchanged one is not.
 */
public final class PaperVectors {
    private static final int IN_LIST = 500;

    private final Jdbi jdbi;
    private final String model;

    public PaperVectors(Jdbi jdbi, String model) {
        this.jdbi = jdbi;
        this.model = model;
    }

    /** A stored vector and the hash of the text it embeds. */
    public record Stored(long textHash, float[] vector) {}

    public String model() {
        return model;
    }

    /** The vectors of another model, in the same store. */
    public PaperVectors ofModel(String otherModel) {
        return new PaperVectors(jdbi, otherModel);
    }

    /** The stored vectors of those papers that have one, by id. */
    public Map<String, Stored> find(Collection<ArxivId> ids) {
        Map<String, Stored> found = new HashMap<>();
        List<String> values = ids.stream().map(ArxivId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<String> part = values.subList(from, Math.min(values.size(), from + IN_LIST));
            jdbi.useHandle(h -> h.createQuery("SELECT paper_id, text_hash, vector FROM paper_vectors "
                            + "WHERE model = :model AND paper_id IN (<ids>)")
                    .bind("model", model)
                    .bindList("ids", part)
                    .map((rs, ctx) -> Map.entry(rs.getString("paper_id"),
                            new Stored(rs.getLong("text_hash"), decode(rs.getBytes("vector")))))
                    .forEach(e -> found.put(e.getKey(), e.getValue())));
        }
        return found;
    }

    /** The vector of one paper, if it has been embedded. */
    public float[] find(ArxivId id) {
        Stored stored = find(List.of(id)).get(id.value());
        return stored == null ? null : stored.vector();
    }

    /** Stores (or replaces) vectors, all in one transaction. */
    public void save(Map<ArxivId, Stored> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO paper_vectors (paper_id, model, text_hash, vector) "
                    + "VALUES (:id, :model, :hash, :vector) "
                    + "ON CONFLICT (paper_id, model) DO UPDATE SET text_hash = excluded.text_hash, vector = excluded.vector");
            vectors.forEach((id, stored) -> batch.bind("id", id.value()).bind("model", model)
                    .bind("hash", stored.textHash()).bind("vector", encode(stored.vector())).add());
            batch.execute();
        });
    }

    /** Whether any paper has a vector of this model. */
    public boolean any() {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM paper_vectors WHERE model = :model LIMIT 1")
                .bind("model", model).mapTo(Integer.class).findOne().isPresent());
    }

    /** How many papers have a vector of this model. */
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM paper_vectors WHERE model = :model")
                .bind("model", model).mapTo(Long.class).one());
    }

    /** A 64-bit FNV-1a hash of the text that is embedded, to tell whether it changed. */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
