package paperboy.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far the import of one snapshot file got: its first {@code lineNo} lines, which end at
 * {@code byteOffset} of its (decompressed) text, are in the store. Stamped with the file's size and
 * modification time, so that a checkpoint is only ever applied to the same file it was taken on.
 */
record ImportCheckpoint(String path, long size, long modified, long lineNo, long byteOffset, boolean complete) {

    /** The start of {@code file}: nothing imported yet. */
    static ImportCheckpoint start(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        return new ImportCheckpoint(absolute.toString(), Files.size(absolute),
                Files.getLastModifiedTime(absolute).toMillis(), 0, 0, false);
    }

    /** True when this checkpoint was taken on the file as it is now (same size and modification time). */
    boolean isOfTheSameFileAs(ImportCheckpoint now) {
        return path.equals(now.path) && size == now.size && modified == now.modified;
    }

    ImportCheckpoint after(long line, long offset) {
        return new ImportCheckpoint(path, size, modified, line, offset, false);
    }

    ImportCheckpoint completed() {
        return new ImportCheckpoint(path, size, modified, lineNo, byteOffset, true);
    }
}
