package paperboy.ingest;

import java.util.List;
import paperboy.paper.PaperUpdate;

/** What the reading side of an import hands to the storing side, in file order. */
sealed interface Step {
    /** Parsed records and rejections; {@code after} (null for day files) is stored with them. */
    record Batch(List<PaperUpdate> updates, List<Rejection> rejections, ImportCheckpoint after, long records,
            long bytesDone) implements Step {}

    /**
     * A file read to its end ({@code failure} null; {@code completed}, when not null, marks it done in
     * the store) or stopped by an error that ends it ({@code failure}).
     */
    record FileDone(String name, ImportCheckpoint completed, String failure) implements Step {}

    /**
     * A line for the operator, e.g. that a file resumes at a line or is passed over, and how many
     * bytes of input that passes over without reading (for the progress bar's rate).
     */
    record Notice(String message, long bytesSkipped) implements Step {}

    /** Every source has been read. */
    record End() implements Step {}
}
