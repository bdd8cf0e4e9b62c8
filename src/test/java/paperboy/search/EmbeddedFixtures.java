package paperboy.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * The 236 daily-papers fixtures ({@code fixtures/hf-days}) embedded once per test JVM with the
 * shared model, by a real {@link EmbeddingWorker} over a throw-away store: embedding them takes
 * most of a semantic test class's time, so the classes that need them copy these vectors into
 * their own store ({@link #copyInto}) instead of embedding the same papers again. A store that
 * holds them has nothing left to embed: the worker only re-indexes papers whose vector is stored.
 */
public final class EmbeddedFixtures {
    private EmbeddedFixtures() {}

    private record Embedded(long embeddedByWorker, Map<ArxivId, PaperVectors.Stored> vectors) {}

    private static final class Holder {
        static final Embedded INSTANCE = embed();
    }

    /** How many papers the worker embedded in the throw-away store (each fixture paper once). */
    public static long embeddedByWorker() {
        return Holder.INSTANCE.embeddedByWorker();
    }

    /** The stored vector of every fixture paper, by id. */
    public static Map<ArxivId, float[]> vectors() {
        Map<ArxivId, float[]> vectors = new LinkedHashMap<>();
        Holder.INSTANCE.vectors().forEach((id, stored) -> vectors.put(id, stored.vector().clone()));
        return vectors;
    }

    /** Stores the fixtures' vectors (with their text hashes) in a store that holds, or will hold, the fixture papers. */
    public static void copyInto(Jdbi jdbi) {
        new PaperVectors(jdbi, TestEmbedder.shared().modelKey()).save(Holder.INSTANCE.vectors());
    }

    private static Embedded embed() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("paperboy-embedded-fixtures");
            try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"))) {
                PaperStore store = new PaperStore(db.jdbi());
                new Importer(new ImportLog(db.jdbi(), store, Clock.systemUTC()), new PrintStream(OutputStream.nullOutputStream()))
                        .importPaths(List.of(Fixtures.copy("hf-days", dir)));
                Semantic semantic = new Semantic(TestEmbedder.shared(), db.jdbi());
                long embedded;
                try (PaperIndex index = new PaperIndex(dir.resolve("index"), semantic)) {
                    index.catchUp(store);
                    embedded = new EmbeddingWorker(store, index, semantic, Clock.systemUTC()).embedPending();
                }
                List<ArxivId> ids = store.changesSince(Change.Position.START, Integer.MAX_VALUE).stream()
                        .map(c -> c.paper().id()).toList();
                Map<ArxivId, PaperVectors.Stored> vectors = new LinkedHashMap<>();
                semantic.vectors().find(ids).forEach((id, stored) -> vectors.put(ArxivId.parse(id), stored));
                return new Embedded(embedded, Map.copyOf(vectors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed the fixtures", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up eventually
        }
    }
}
