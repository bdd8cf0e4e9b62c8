package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The import's progress bar, on a clock the test moves. */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();

    @Test
    void showsTheBarCountRateAndEta() {
        Progress progress = progress(1000, false);

        now.set(20 * SECOND);
        progress.update(50_000, 250);

        assertThat(printed()).isEqualTo("import [######..................]  25% 50,000 records, 2,500/s, ETA 1:00\n");
    }

    @Test
    void isQuietForWorkShorterThanItsInterval() {
        Progress progress = progress(1000, false);

        now.set(2 * SECOND);
        progress.update(10, 100);
        progress.finish(10, 1000);

        assertThat(printed()).isEmpty();
    }

    @Test
    void aResumedImportEstimatesFromWhatItReadItself() {
        Progress progress = progress(1000, false);
        progress.skipped(900); // resumed 90% into the file

        now.set(10 * SECOND);
        progress.update(5000, 950);

        // 50 bytes in 10 s, 50 left: 10 s more, not the 1 s that 950 bytes in 10 s would suggest.
        assertThat(printed()).endsWith("ETA 0:10\n");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndEndsWithALineBreak() {
        Progress progress = progress(1000, true);

        now.set(SECOND);
        progress.update(100, 500);
        now.set(2 * SECOND);
        progress.finish(200, 1000);

        String first = "\rimport [############............]  50% 100 records, 100/s, ETA 0:01";
        String last = "\rimport [########################] 100% 200 records, 100/s";
        // The last line is shorter: spaces cover the end of the first.
        assertThat(printed()).isEqualTo(first + last + " ".repeat(first.length() - last.length()) + "\n");
    }

    @Test
    void longEstimatesReadAsHoursMinutesAndSeconds() {
        assertThat(Progress.clock(59)).isEqualTo("0:59");
        assertThat(Progress.clock(3 * 3600 + 7 * 60 + 5)).isEqualTo("3:07:05");
    }

    private Progress progress(long totalBytes, boolean terminal) {
        return new Progress(new PrintStream(out, true, StandardCharsets.UTF_8), totalBytes, terminal, now::get);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
