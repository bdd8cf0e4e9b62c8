package paperboy.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the index into one segment ({@link PaperIndex#mergeSegments}, when one is due) once
 * writing has gone quiet: when fewer than {@link #QUIET} papers were written since the last look.
 * Run now and then on a thread of its own (every five minutes while serving). A bulk write goes on
 * for minutes or hours (an import writes thousands of papers a second, the embedder tens), and a
 * merge in its midst would be wasted, since it writes the papers again; a site's upvotes and a
 * day's harvest write far fewer. The first look only counts.
 */
public final class QuietMerges implements Runnable {
    /** Papers written between two looks below which the index counts as quiet. */
    static final long QUIET = 1_000;
    private static final Logger log = LoggerFactory.getLogger(QuietMerges.class);

    private final PaperIndex index;
    /** Papers written as of the last look; -1 before the first. */
    private long seen = -1;

    public QuietMerges(PaperIndex index) {
        this.index = index;
    }

    @Override
    public void run() {
        try {
            long now = index.papersWritten();
            boolean quiet = seen >= 0 && now - seen < QUIET;
            seen = now;
            if (quiet) {
                index.mergeSegments().ifPresent(merge -> log.info("search index: merged {} segments ({} documents) into one in {} s",
                        merge.segments(), merge.documents(), String.format("%.1f", merge.seconds())));
            }
        } catch (RuntimeException e) {
            log.warn("merging the search index's segments failed; trying again later", e);
        }
    }
}
