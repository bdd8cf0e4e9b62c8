package paperboy.ingest;

import java.util.List;
import java.util.Optional;
import paperboy.paper.PaperUpdate;
import paperboy.paper.UpsertResult;

/** Where an import puts its batches: {@link ImportLog} in the product; tests wrap it to stop it part-way. */
interface BatchStore {
    /** Stores a batch and, when {@code after} is not null, that checkpoint with it, in one transaction. */
    UpsertResult store(List<PaperUpdate> batch, ImportCheckpoint after);

    /** The checkpoint last stored for the file at this absolute path, if any. */
    Optional<ImportCheckpoint> checkpoint(String path);
}
