package paperboy.web.pages;

import java.util.List;
import java.util.Set;
import paperboy.syndication.FeedLinks;

/**
 * A daily, weekly or monthly list ({@code /}, {@code /papers/date/..}, {@code /papers/week/..},
 * {@code /papers/month/..}) or the trending list ({@code /papers/trending}). {@code tabs} are
 * Day / Week / Month around the same date and Trending, with {@code activeTab} one of {@code day},
 * {@code week}, {@code month}, {@code trending}; {@code previous}/{@code next} move to the nearest
 * period that has papers (null on the trending list); {@code orders} are the list's orders (most
 * upvoted, trending) with the one shown. {@code empty} is what the page says when it has no papers;
 * {@code ranking} says how trending ranks, when it does; {@code feeds} are the list's Atom and RSS feeds; {@code subscribeBox} whether it offers the email
 * digest.
 */
public record ListPage(String heading, String activeTab, List<Link> tabs, Link previous, Link next, Orders orders,
        List<PaperCard> papers, int total, Pager pager, Empty empty, Ranking ranking, FeedLinks feeds,
        boolean subscribeBox) {

    /** This list as a member sees it: the cards whose ids {@code upvoted} holds marked as their upvotes. */
    public ListPage withUpvoted(Set<String> upvoted) {
        return new ListPage(heading, activeTab, tabs, previous, next, orders,
                papers.stream().map(card -> card.withUpvoted(upvoted.contains(card.id()))).toList(),
                total, pager, empty, ranking, feeds, subscribeBox);
    }

    /** The orders a list offers, as links, and the label of the one it is in; none on the trending list. */
    public record Orders(List<Link> links, String active) {
        public static final Orders NONE = new Orders(List.of(), "");
    }

    /** "Nothing was featured on Saturday 22 August 2026", then {@code linksLabel} and the lists to go to instead. */
    public record Empty(String message, String linksLabel, List<Link> links) {}

    /**
     * "How is this ranked?": the score's formula and which papers it ranks; {@link #NONE} on a list
     * ordered by upvotes.
     */
    public record Ranking(String formula, String window) {
        public static final Ranking NONE = new Ranking("", "");

        public boolean shown() {
            return !formula.isEmpty();
        }
    }
}
