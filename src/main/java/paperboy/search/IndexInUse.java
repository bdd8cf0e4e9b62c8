package paperboy.search;

import java.nio.file.Path;

/**
 * The search index is held by another process (Lucene lets one writer at a time hold a folder):
 * usually a running {@code paperboy serve}. Commands that only write the store can leave the
 * indexing to it; the others tell the operator to stop it first.
 */
public final class IndexInUse extends RuntimeException {
    private final Path folder;

    public IndexInUse(Path folder, Throwable cause) {
        super("the data folder " + folder.getParent() + " is in use: another paperboy process holds its search index; "
                + "stop `paperboy serve` (or the command still running) first", cause);
        this.folder = folder;
    }

    /** The index folder that is held. */
    public Path folder() {
        return folder;
    }
}
