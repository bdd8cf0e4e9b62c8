package paperboy.feed;

import java.util.List;
import paperboy.paper.FeaturedPaper;

/**
 * One page of a period's featured papers, with the total and the nearest earlier and later
 * periods of the same kind that have any papers (null when there is none).
 */
public record DailyList(Period period, List<FeaturedPaper> papers, int total, Period previous, Period next) {
    public DailyList {
        papers = List.copyOf(papers);
    }
}
