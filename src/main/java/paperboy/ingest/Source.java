package paperboy.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Something to import: a file on disk (which can be resumed, since it can be found again) or an
 * already open stream such as a bundled resource. {@code size} is 0 when unknown.
 */
record Source(String name, Path file, InputStream stream, long size) {

    static Source of(Path file, long size) {
        return new Source(file.toString(), file, null, size);
    }

    static Source of(InputStream stream, String name) {
        return new Source(name, null, stream, 0);
    }

    boolean isFile() {
        return file != null;
    }

    boolean isGzipped() {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
