package paperboy.ingest;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The progress bar of a long import, on stderr: a bar of the bytes read of the bytes there are,
 * records so far, records per second and an ETA. On a terminal the bar is redrawn in place twice a
 * second; elsewhere (a log file, CI) a line is printed every ten seconds. Quiet for work that ends
 * before the first interval. The ETA is the bytes left at the rate bytes went by in this run, so a
 * resumed import (which starts part-way into a file) estimates from its own pace.
 */
final class Progress {
    static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = Duration.ofMillis(500).toNanos();
    private static final long LINE_NANOS = Duration.ofSeconds(10).toNanos();

    private final PrintStream out;
    private final long totalBytes;
    private final boolean redraw;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastPrinted;
    private long skippedBytes;
    private boolean printed;
    private int lastLength;

    Progress(PrintStream out, long totalBytes, boolean redraw, LongSupplier nanoTime) {
        this.out = out;
        this.totalBytes = totalBytes;
        this.redraw = redraw;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastPrinted = started;
    }

    /** A progress bar on {@code out} that redraws itself when the process runs in a terminal. */
    static Progress on(PrintStream out, long totalBytes) {
        return new Progress(out, totalBytes, inATerminal(), System::nanoTime);
    }

    /** Notes that {@code records} records are done and {@code bytesDone} bytes of the input consumed. */
    void update(long records, long bytesDone) {
        long now = nanoTime.getAsLong();
        if (now - lastPrinted < (redraw ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastPrinted = now;
        print(line(records, bytesDone, now - started));
    }

    /** Notes bytes passed over rather than read (a resumed file's start, a file done before): not in the rate. */
    void skipped(long bytes) {
        skippedBytes += bytes;
    }

    /** Ends the bar with the final figures, if it was ever shown. */
    void finish(long records, long bytesDone) {
        if (printed) {
            print(line(records, Math.max(bytesDone, totalBytes), nanoTime.getAsLong() - started));
            if (redraw) {
                out.println();
            }
        }
    }

    private void print(String line) {
        printed = true;
        if (redraw) {
            // Spaces over what is left of a longer previous line (the ETA goes away at the end).
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long records, long bytesDone, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        StringBuilder s = new StringBuilder("import ");
        if (totalBytes > 0) {
            long permille = Math.min(1000, 1000 * bytesDone / totalBytes);
            int filled = (int) (permille * BAR_WIDTH / 1000);
            s.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format("%3d%% ", permille / 10));
        }
        s.append(String.format("%,d records, %,.0f/s", records, records / seconds));
        long bytesThisRun = bytesDone - skippedBytes;
        if (totalBytes > 0 && bytesThisRun > 0 && bytesDone < totalBytes) {
            s.append(", ETA ").append(clock(Math.round(seconds * (totalBytes - bytesDone) / bytesThisRun)));
        }
        return s.toString();
    }

    /** Seconds as h:mm:ss or m:ss. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /**
     * True when the process writes to a terminal. Java 22+ can tell ({@code Console.isTerminal});
     * on Java 21 a console exists only for an interactive session.
     */
    private static boolean inATerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
