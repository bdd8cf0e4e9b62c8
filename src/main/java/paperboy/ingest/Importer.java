package paperboy.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;
import paperboy.paper.UpsertResult;

/**
 * Imports files into the store: Hugging Face daily-papers day files ({@code .json}, alone or a
 * folder of them) and arXiv snapshot JSON Lines ({@code .jsonl}, {@code .jsonl.gz}). Records go in
 * batches, each batch one transaction, so an interrupted import keeps every finished batch and a
 * re-run only redoes the rest (upserts by arXiv id make that safe).
 */
public final class Importer {
    static final int BATCH = 1000;

    private final PaperStore store;
    private final PrintStream progressOut;
    private final ObjectMapper json = new ObjectMapper();

    public Importer(PaperStore store, PrintStream progressOut) {
        this.store = store;
        this.progressOut = progressOut;
    }

    /** Imports every path (a file, or a folder of importable files); a bad file does not stop the others. */
    public ImportReport importPaths(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path path : paths) {
            if (Files.exists(path)) {
                files.addAll(filesOf(path));
            } else {
                missing.add(path + ": no such file or folder");
            }
        }
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        var run = new Run(totalBytes);
        run.failedFiles.addAll(missing);
        for (Path file : files) {
            SourceFormat format;
            try {
                format = formatOf(file.getFileName().toString());
            } catch (IllegalArgumentException e) {
                run.failedFiles.add(file + ": " + e.getMessage());
                continue;
            }
            try (InputStream in = run.counted(Files.newInputStream(file))) {
                run.read(format, decompressed(in, file), file.toString());
            } catch (IOException e) {
                run.failedFiles.add(file + ": " + e.getMessage());
            }
        }
        return run.finish();
    }

    /** Imports one stream, e.g. a bundled resource; {@code name} picks the format and names it in messages. */
    public ImportReport importStream(InputStream in, String name) throws IOException {
        var run = new Run(0);
        run.read(formatOf(name), name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in, name);
        return run.finish();
    }

    private SourceFormat formatOf(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")) {
            return new KaggleFormat(json);
        }
        if (n.endsWith(".json") || n.endsWith(".json.gz")) {
            return new HfDailyFormat(json);
        }
        throw new IllegalArgumentException("cannot tell the format of " + name
                + ": expected .json (daily papers) or .jsonl / .jsonl.gz (arXiv snapshot)");
    }

    private static List<Path> filesOf(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> listing = Files.list(path)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(json|jsonl)(\\.gz)?$"))
                    .sorted()
                    .toList();
        }
    }

    private static InputStream decompressed(InputStream in, Path file) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 1 << 16);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** One import run: the current batch, totals and rejections. */
    private final class Run implements RecordSink {
        private final List<PaperUpdate> batch = new ArrayList<>(BATCH);
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<String> failedFiles = new ArrayList<>();
        private final AtomicLong bytesRead = new AtomicLong();
        private final Progress progress;
        private UpsertResult totals = UpsertResult.NONE;
        private long records;

        Run(long totalBytes) {
            this.progress = new Progress(progressOut, totalBytes, bytesRead::get);
        }

        void read(SourceFormat format, InputStream in, String name) throws IOException {
            format.read(in, name, this);
        }

        @Override
        public void accept(PaperUpdate update) {
            batch.add(update);
            records++;
            if (batch.size() >= BATCH) {
                flush();
            }
            progress.tick(records);
        }

        @Override
        public void reject(Rejection rejection) {
            rejections.add(rejection);
        }

        private void flush() {
            if (!batch.isEmpty()) {
                totals = totals.plus(store.upsert(batch, "import"));
                batch.clear();
            }
        }

        ImportReport finish() {
            flush();
            return new ImportReport(totals.inserted(), totals.updated(), totals.unchanged(), rejections, failedFiles);
        }

        InputStream counted(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }
            };
        }
    }
}
