package paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

/** A file format Paperboy imports: reads one stream, record by record, into a sink. */
interface SourceFormat {
    /**
     * Reads {@code in} to the end, or to the first damage that makes the rest unreadable (which it
     * reports as a rejection). {@code name} is the file name used in messages.
     */
    void read(InputStream in, String name, RecordSink sink) throws IOException;
}
