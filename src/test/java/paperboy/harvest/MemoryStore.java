package paperboy.harvest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;

/**
 * A {@link HarvestSink} for tests that behaves like the store's transaction: a page and its
 * checkpoint are committed together or, when {@link #crashOnStore} fires, not at all.
 */
final class MemoryStore implements HarvestSink {
    private final Map<ArxivId, Paper> papers = new LinkedHashMap<>();
    private final Set<ArxivId> deleted = new HashSet<>();
    private HarvestCheckpoint checkpoint;
    private int commits;
    private int crashOnStore = -1;

    MemoryStore(HarvestCheckpoint start) {
        this.checkpoint = start;
    }

    /** Simulates the process dying inside the n-th store call (1-based), before it commits. */
    MemoryStore crashOnStore(int n) {
        this.crashOnStore = n;
        return this;
    }

    @Override
    public void store(List<Paper> page, List<OaiRecord.Deleted> gone, HarvestCheckpoint next) {
        if (commits + 1 == crashOnStore) {
            crashOnStore = -1;
            throw new IllegalStateException("killed while storing page " + (commits + 1));
        }
        for (Paper p : page) {
            papers.put(p.id(), p); // upsert by id, as the real store does
        }
        gone.forEach(d -> deleted.add(d.id()));
        checkpoint = next;
        commits++;
    }

    Map<ArxivId, Paper> papers() {
        return Map.copyOf(papers);
    }

    Set<ArxivId> deleted() {
        return Set.copyOf(deleted);
    }

    HarvestCheckpoint checkpoint() {
        return checkpoint;
    }

    int commits() {
        return commits;
    }
}
