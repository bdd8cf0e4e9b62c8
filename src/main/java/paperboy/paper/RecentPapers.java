package paperboy.paper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Papers read recently by id, for the pages that show the same papers again and again (search
 * results, related papers, the API's lists by id): reading twenty rows and their JSON columns was a
 * quarter of a search page's time once its answer was remembered. Each paper is kept with the
 * store's change number it was read at and used only while the store is still at that number, so
 * any write (here at once, on other nodes within {@link PaperStore#CHANGE_POLL}) makes every entry
 * stale; the next reads refill it. Bounded by a count of papers ({@link #SIZE}, a few MiB).
 */
final class RecentPapers {
    /** Papers kept: two or three KiB each. */
    static final int SIZE = 5_000;

    private record Entry(long changeNo, Paper paper) {}

    private final Cache<ArxivId, Entry> papers;

    RecentPapers(int size) {
        this.papers = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** Those of {@code ids} read at change number {@code changeNo}, by id. */
    Map<ArxivId, Paper> readAt(long changeNo, Collection<ArxivId> ids) {
        Map<ArxivId, Paper> found = new HashMap<>();
        for (ArxivId id : ids) {
            Entry entry = papers.getIfPresent(id);
            if (entry != null && entry.changeNo() == changeNo) {
                found.put(id, entry.paper());
            }
        }
        return found;
    }

    /** Keeps papers read at change number {@code changeNo} (read before the query that loaded them). */
    void remember(long changeNo, Collection<Paper> read) {
        for (Paper paper : read) {
            papers.put(paper.id(), new Entry(changeNo, paper));
        }
    }
}
