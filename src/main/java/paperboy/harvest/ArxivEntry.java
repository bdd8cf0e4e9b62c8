package paperboy.harvest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;

/** One paper from the arXiv API, with the link to its PDF (null when the entry gave none). */
public record ArxivEntry(Paper paper, URI pdf) {
    public ArxivEntry {
        Objects.requireNonNull(paper, "paper");
    }

    /**
     * One entry per paper, in first-seen order, keeping the newest version: what overlapping pages
     * or repeated fetches reduce to.
     */
    public static List<ArxivEntry> newestPerPaper(List<ArxivEntry> entries) {
        Map<ArxivId, ArxivEntry> byId = new LinkedHashMap<>();
        for (ArxivEntry e : entries) {
            byId.merge(e.paper().id(), e, (old, neu) -> neu.paper().version() > old.paper().version() ? neu : old);
        }
        return new ArrayList<>(byId.values());
    }
}
