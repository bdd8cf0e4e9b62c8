package paperboy.harvest;

import java.util.List;
import paperboy.paper.ArxivId;

/** What a fetch by id found: one entry per paper found, and the ids arXiv does not know. */
public record ApiResult(List<ArxivEntry> entries, List<ArxivId> notFound) {
    public ApiResult {
        entries = List.copyOf(entries);
        notFound = List.copyOf(notFound);
    }
}
