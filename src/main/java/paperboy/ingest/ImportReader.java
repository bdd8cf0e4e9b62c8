package paperboy.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import paperboy.paper.PaperUpdate;

/**
 * The reading side of an import, on its own thread: opens each source, resumes a snapshot file from
 * its checkpoint, cuts it into chunks of lines and hands each chunk to the parsers. What it hands
 * on goes into a bounded queue in file order (a parsed batch is a future there), so the storing
 * side sees everything in order and a full queue makes the reader wait.
 */
final class ImportReader implements Runnable {
    private static final int BUFFER = 1 << 16;

    private final List<Source> sources;
    private final BatchStore store;
    private final boolean resume;
    private final int batchSize;
    private final ObjectMapper json;
    private final ExecutorService parsers;
    private final BlockingQueue<Future<Step>> queue;
    private long bytesBefore; // of the sources already read
    private long bytesRead; // of the current source
    /**
     * Day files share batches, as many files as fit in one: a paper featured on two days then meets
     * its other day in the same batch, as it did when every import was one batch.
     */
    private final DayFileBatches dayFiles = new DayFileBatches();

    ImportReader(List<Source> sources, BatchStore store, boolean resume, int batchSize, ObjectMapper json,
            ExecutorService parsers, BlockingQueue<Future<Step>> queue) {
        this.sources = sources;
        this.store = store;
        this.resume = resume;
        this.batchSize = batchSize;
        this.json = json;
        this.parsers = parsers;
        this.queue = queue;
    }

    @Override
    public void run() {
        try {
            for (Source source : sources) {
                read(source);
                bytesBefore += source.size();
            }
            dayFiles.flush();
            put(new Step.End());
        } catch (InterruptedException e) {
            // the storing side stopped the import; it reports why
        } catch (RuntimeException | Error e) {
            try {
                queue.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException stopped) {
                // the storing side is gone already
            }
        }
    }

    private void read(Source source) throws InterruptedException {
        bytesRead = 0;
        try {
            ImportCheckpoint from = source.isFile() ? startOf(source) : null;
            if (from != null && from.complete()) {
                put(new Step.Notice(source.name() + ": imported before and unchanged since, passed over"
                        + " (--restart imports it again)", source.size()));
                return;
            }
            try (InputStream raw = open(source, from)) {
                readFrom(source, from, raw);
            }
        } catch (IOException | IllegalArgumentException e) {
            put(new Step.FileDone(source.name(), null, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Where to start reading a file: its stored checkpoint when resuming the same file, else its start. */
    private ImportCheckpoint startOf(Source source) throws IOException {
        ImportCheckpoint start = ImportCheckpoint.start(source.file());
        if (!resume) {
            return start;
        }
        Optional<ImportCheckpoint> stored = store.checkpoint(start.path()).filter(c -> c.isOfTheSameFileAs(start));
        return stored.orElse(start);
    }

    private void readFrom(Source source, ImportCheckpoint from, InputStream raw) throws IOException, InterruptedException {
        boolean gzipped = source.isGzipped();
        InputStream text = new BufferedInputStream(gzipped ? new GZIPInputStream(raw, BUFFER) : raw, BUFFER);
        long offset = from == null ? 0 : from.byteOffset();
        if (offset > 0) {
            // An uncompressed file was opened at the offset; a gzipped one is decompressed up to it, which is read.
            put(new Step.Notice(source.name() + ": resuming after line " + String.format("%,d", from.lineNo()),
                    gzipped ? 0 : offset));
            if (gzipped) {
                text.skipNBytes(offset); // a gzip stream can only be skipped by decompressing it
            }
        }
        if (offset > 0 || new Formats(json).detect(source.name(), text) == Formats.Kind.SNAPSHOT) {
            dayFiles.flush();
            ImportCheckpoint end = readSnapshot(source.name(), text, from);
            put(new Step.FileDone(source.name(), end == null ? null : end.completed(), null));
        } else {
            // Day files are small and not resumed: importing one again finds its papers up to date.
            readDayFile(source.name(), text);
            put(new Step.FileDone(source.name(), null, null));
        }
    }

    /** Hands the lines of a snapshot to the parsers chunk by chunk; returns the checkpoint after the last line. */
    private ImportCheckpoint readSnapshot(String name, InputStream text, ImportCheckpoint from)
            throws IOException, InterruptedException {
        KaggleFormat format = new KaggleFormat(json);
        var lines = new SnapshotLines(text, from == null ? 0 : from.byteOffset(), from == null ? 0 : from.lineNo());
        ImportCheckpoint at = from;
        List<SnapshotLines.Line> chunk = new ArrayList<>(batchSize);
        for (SnapshotLines.Line line = lines.next(); line != null; line = lines.next()) {
            chunk.add(line);
            if (chunk.size() == batchSize) {
                at = parse(format, name, chunk, at);
                chunk = new ArrayList<>(batchSize);
            }
        }
        return chunk.isEmpty() ? at : parse(format, name, chunk, at);
    }

    private ImportCheckpoint parse(KaggleFormat format, String name, List<SnapshotLines.Line> chunk, ImportCheckpoint file)
            throws InterruptedException {
        SnapshotLines.Line last = chunk.getLast();
        ImportCheckpoint after = file == null ? null : file.after(last.number(), last.endOffset());
        long bytesDone = bytesBefore + bytesRead;
        queue.put(parsers.submit(() -> format.parse(name, chunk, after, bytesDone)));
        return after;
    }

    private void readDayFile(String name, InputStream text) throws IOException {
        new HfDailyFormat(json).read(text, name, dayFiles);
    }

    /** Collects what day files hold into batches; the day-file reader runs on this thread. */
    private final class DayFileBatches implements RecordSink {
        private List<PaperUpdate> updates = new ArrayList<>();
        private List<Rejection> rejections = new ArrayList<>();

        @Override
        public void accept(PaperUpdate update) {
            updates.add(update);
            if (updates.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void reject(Rejection rejection) {
            rejections.add(rejection);
        }

        void flush() {
            if (updates.isEmpty() && rejections.isEmpty()) {
                return;
            }
            try {
                put(new Step.Batch(updates, rejections, null, updates.size() + rejections.size(), bytesBefore + bytesRead));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportStopped();
            }
            updates = new ArrayList<>();
            rejections = new ArrayList<>();
        }
    }

    /** Opens a source's raw bytes, counted for the progress bar; a file resumed uncompressed is opened at its offset. */
    private InputStream open(Source source, ImportCheckpoint from) throws IOException {
        if (!source.isFile()) {
            return counted(source.stream());
        }
        FileChannel channel = FileChannel.open(source.file());
        if (from != null && from.byteOffset() > 0 && !source.isGzipped()) {
            channel.position(from.byteOffset());
            bytesRead = from.byteOffset();
        }
        return counted(Channels.newInputStream(channel));
    }

    private InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }
        };
    }

    private void put(Step step) throws InterruptedException {
        queue.put(CompletableFuture.completedFuture(step));
    }

    /** Thrown through a day-file reader when the import is stopped while it reads. */
    static final class ImportStopped extends RuntimeException {
        ImportStopped() {
            super("the import stopped while reading a day file");
        }
    }
}
