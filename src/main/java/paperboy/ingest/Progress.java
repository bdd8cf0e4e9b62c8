package paperboy.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Prints a line on stderr every few seconds for long work: records so far, rate, and an ETA from
 * the bytes read of the bytes there are. Quiet for work that ends before the first interval.
 */
final class Progress {
    private static final long INTERVAL_NANOS = Duration.ofSeconds(3).toNanos();

    private final PrintStream out;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final long started = System.nanoTime();
    private long lastPrinted = started;

    Progress(PrintStream out, long totalBytes, LongSupplier bytesRead) {
        this.out = out;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
    }

    void tick(long records) {
        long now = System.nanoTime();
        if (now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        double rate = records / seconds;
        long read = bytesRead.getAsLong();
        String eta = read > 0 && totalBytes > 0
                ? String.format(", ETA %ds", Math.round(seconds * (totalBytes - read) / read)) : "";
        out.printf("import: %,d records, %,.0f/s, %d%% read%s%n", records, rate,
                totalBytes > 0 ? 100 * read / totalBytes : 0, eta);
    }
}
