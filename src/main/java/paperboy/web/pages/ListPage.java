package paperboy.web.pages;

import java.util.List;
import paperboy.syndication.FeedLinks;

/**
 * A daily, weekly or monthly list ({@code /}, {@code /papers/date/..}, {@code /papers/week/..},
 * {@code /papers/month/..}). {@code tabs} are Day / Week / Month around the same date with
 * {@code activeTab} one of {@code day}, {@code week}, {@code month}; {@code previous}/{@code next}
 * move to the nearest period that has papers. {@code nothingFeatured} is what the page says when
 * the period has no papers ("Nothing was featured on Saturday 22 August 2026"); {@code feeds} are
 * the list's Atom and RSS feeds; {@code subscribeBox} whether it offers the email digest.
 */
public record ListPage(String heading, String activeTab, List<Link> tabs, Link previous, Link next,
        List<PaperCard> papers, int total, Pager pager, String nothingFeatured, FeedLinks feeds,
        boolean subscribeBox) {}
