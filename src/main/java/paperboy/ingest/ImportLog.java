package paperboy.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;
import paperboy.paper.UpsertResult;

/**
 * The store's side of an import: each batch of papers and the checkpoint of the file it came from
 * are written in ONE transaction (table {@code import_checkpoints}), so an import stopped at any
 * point, even killed, resumes right after the last stored batch. Once a batch has committed, the
 * papers it changed go to {@code stored} (the search index, during a bulk import), so that they
 * need not be read back from the store.
 */
public final class ImportLog implements BatchStore {
    static final String SOURCE = "import";
    private static final String SAVE = "INSERT INTO import_checkpoints (file_path, file_size, file_modified, line_no, "
            + "byte_offset, complete, updated_at) VALUES (:path, :size, :modified, :line_no, :byte_offset, :complete, "
            + ":updated_at) ON CONFLICT (file_path) DO UPDATE SET file_size = excluded.file_size, "
            + "file_modified = excluded.file_modified, line_no = excluded.line_no, byte_offset = excluded.byte_offset, "
            + "complete = excluded.complete, updated_at = excluded.updated_at";

    private final Jdbi jdbi;
    private final PaperStore papers;
    private final Clock clock;
    private final Consumer<List<Change>> stored;

    public ImportLog(Jdbi jdbi, PaperStore papers, Clock clock) {
        this(jdbi, papers, clock, changes -> {});
    }

    public ImportLog(Jdbi jdbi, PaperStore papers, Clock clock, Consumer<List<Change>> stored) {
        this.jdbi = jdbi;
        this.papers = papers;
        this.clock = clock;
        this.stored = stored;
    }

    @Override
    public UpsertResult store(List<PaperUpdate> batch, ImportCheckpoint after) {
        PaperStore.Written written = jdbi.inTransaction(h -> {
            PaperStore.Written w = papers.write(h, batch, SOURCE);
            if (after != null) {
                save(h, after);
            }
            return w;
        });
        if (!written.changes().isEmpty()) {
            stored.accept(written.changes());
        }
        return written.counts();
    }

    @Override
    public Optional<ImportCheckpoint> checkpoint(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT file_path, file_size, file_modified, line_no, byte_offset, "
                        + "complete FROM import_checkpoints WHERE file_path = :path")
                .bind("path", path)
                .map((rs, ctx) -> new ImportCheckpoint(rs.getString("file_path"), rs.getLong("file_size"),
                        rs.getLong("file_modified"), rs.getLong("line_no"), rs.getLong("byte_offset"),
                        rs.getInt("complete") == 1))
                .findOne());
    }

    private void save(Handle h, ImportCheckpoint c) {
        h.createUpdate(SAVE)
                .bind("path", c.path())
                .bind("size", c.size())
                .bind("modified", c.modified())
                .bind("line_no", c.lineNo())
                .bind("byte_offset", c.byteOffset())
                .bind("complete", c.complete() ? 1 : 0)
                .bind("updated_at", clock.millis())
                .execute();
    }
}
