package paperboy.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import paperboy.paper.UpsertResult;

/**
 * Imports files into the store: Hugging Face daily-papers day files and the arXiv snapshot in
 * JSON Lines (whatever its name ends with, see {@link Formats}), plain or gzipped, alone or in
 * folders.
 *
 * <p>Three stages on their own threads: an {@link ImportReader} reads and cuts the files into
 * chunks, parser threads turn chunks into papers, and the calling thread stores them, a batch a
 * transaction. Between them is a bounded queue of batches in file order, so memory stays bounded
 * whatever the file size and the slowest stage sets the pace. A snapshot file's checkpoint (line
 * and byte offset) is stored in the same transaction as each batch ({@link ImportLog}): an import
 * stopped at any point resumes after the last stored batch, and a finished file is passed over. The
 * search index follows the store on its own (see {@code App}). A failure in any stage stops the
 * others and is thrown from here; what was stored stays stored.
 */
public final class Importer {
    static final int BATCH = 1000;
    /** Batches between the reader and the store: enough to keep both busy, few enough to bound memory. */
    static final int QUEUE = 8;
    /** Rejections listed in the report; the rest are only counted, so a file of bad lines cannot fill the heap. */
    static final int MAX_LISTED = 10_000;

    /** Where an import of a file starts. */
    public enum Start {
        /** After the last batch stored of the same file (a finished file is passed over). */
        FROM_CHECKPOINT,
        /** At the first line, whatever was stored before (upserts make that safe). */
        FROM_THE_BEGINNING
    }

    private final BatchStore store;
    private final PrintStream progressOut;
    private final int parserThreads;
    private final int batchSize;
    private final ObjectMapper json = new ObjectMapper();

    public Importer(ImportLog log, PrintStream progressOut) {
        this(log, progressOut, defaultParserThreads(), BATCH);
    }

    /** With a store that tests can stop part-way, and batches small enough for a small fixture to need several. */
    Importer(BatchStore store, PrintStream progressOut, int parserThreads, int batchSize) {
        this.store = store;
        this.progressOut = progressOut;
        this.parserThreads = parserThreads;
        this.batchSize = batchSize;
    }

    /** Imports every path (a file, or a folder of importable files); a bad file does not stop the others. */
    public ImportReport importPaths(List<Path> paths) throws IOException {
        return importPaths(paths, Start.FROM_CHECKPOINT);
    }

    public ImportReport importPaths(List<Path> paths, Start start) throws IOException {
        List<Source> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path path : paths) {
            if (Files.exists(path)) {
                for (Path file : filesOf(path)) {
                    sources.add(Source.of(file, Files.size(file)));
                }
            } else {
                missing.add(path + ": no such file or folder");
            }
        }
        ImportReport report = run(sources, start == Start.FROM_CHECKPOINT);
        return new ImportReport(0, 0, 0, List.of(), missing).plus(report);
    }

    /** Imports one stream, e.g. a bundled resource; {@code name} tells the format and names it in messages. */
    public ImportReport importStream(InputStream in, String name) throws IOException {
        ImportReport report = run(List.of(Source.of(in, name)), false);
        if (!report.failedFiles().isEmpty()) {
            throw new IOException(report.failedFiles().getFirst());
        }
        return report;
    }

    private ImportReport run(List<Source> sources, boolean resume) {
        long totalBytes = sources.stream().mapToLong(Source::size).sum();
        BlockingQueue<Future<Step>> queue = new ArrayBlockingQueue<>(QUEUE);
        ExecutorService parsers = Executors.newFixedThreadPool(parserThreads, named("import-parser"));
        Thread reader = named("import-reader").newThread(new ImportReader(sources, store, resume, batchSize, json, parsers, queue));
        var storing = new Storing(Progress.on(progressOut, totalBytes));
        reader.start();
        try {
            return storing.drain(queue);
        } finally {
            // On success both are idle; on a failure here they may be blocked on the queue.
            reader.interrupt();
            parsers.shutdownNow();
            awaitQuietly(reader, parsers);
        }
    }

    /** The storing stage: takes steps in file order and writes each batch with its checkpoint. */
    private final class Storing {
        private final Progress progress;
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<String> failedFiles = new ArrayList<>();
        private UpsertResult totals = UpsertResult.NONE;
        private long records;
        private long bytesDone;
        private int unlisted;

        Storing(Progress progress) {
            this.progress = progress;
        }

        ImportReport drain(BlockingQueue<Future<Step>> queue) {
            for (Step step = next(queue); !(step instanceof Step.End); step = next(queue)) {
                switch (step) {
                    case Step.Batch b -> store(b);
                    case Step.FileDone d -> fileDone(d);
                    case Step.Notice n -> notice(n);
                    case Step.End e -> throw new IllegalStateException("unreachable");
                }
            }
            progress.finish(records, bytesDone);
            return new ImportReport(totals.inserted(), totals.updated(), totals.unchanged(), rejections, failedFiles,
                    unlisted);
        }

        private void store(Step.Batch batch) {
            totals = totals.plus(store.store(batch.updates(), batch.after()));
            for (Rejection r : batch.rejections()) {
                if (rejections.size() < MAX_LISTED) {
                    rejections.add(r);
                } else {
                    unlisted++;
                }
            }
            records += batch.records();
            bytesDone = batch.bytesDone();
            progress.update(records, bytesDone);
        }

        private void notice(Step.Notice notice) {
            progressOut.println("import: " + notice.message());
            progress.skipped(notice.bytesSkipped());
        }

        private void fileDone(Step.FileDone done) {
            if (done.failure() != null) {
                failedFiles.add(done.name() + ": " + done.failure());
            } else if (done.completed() != null) {
                store.store(List.of(), done.completed());
            }
        }

        private static Step next(BlockingQueue<Future<Step>> queue) {
            try {
                return queue.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the import was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("an import stage failed", e.getCause());
            }
        }
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

    /** One parser thread per core beyond the two the reader and the storing stage keep busy, at least one. */
    private static int defaultParserThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 2));
    }

    private static ThreadFactory named(String name) {
        return Thread.ofPlatform().name(name + "-", 1).daemon(true).factory();
    }

    /** Waits for the reader and the parsers to end; each only finishes the line or chunk it is on. */
    private static void awaitQuietly(Thread reader, ExecutorService parsers) {
        try {
            reader.join();
            parsers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
