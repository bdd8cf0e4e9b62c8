package paperboy.feed;

import java.time.Instant;
import java.util.List;
import paperboy.paper.FeaturedPaper;

/** One page of the trending list, with how many papers the whole list holds and where its window starts. */
public record TrendingList(List<FeaturedPaper> papers, int total, Instant since) {
    public TrendingList {
        papers = List.copyOf(papers);
    }
}
