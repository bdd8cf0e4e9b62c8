package paperboy.harvest;

import java.util.List;

/** One page of arXiv API search results, with the OpenSearch counts arXiv sends along. */
public record SearchPage(List<ArxivEntry> entries, long totalResults, long startIndex, long itemsPerPage) {
    public SearchPage {
        entries = List.copyOf(entries);
    }
}
