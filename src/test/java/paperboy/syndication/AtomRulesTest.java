package paperboy.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Atom checker finds what a validator would: a checker that passes everything would prove nothing. */
class AtomRulesTest {
    private static final String VALID = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Example</title><id>https://example.org/feed.atom</id><updated>2026-08-21T10:00:00Z</updated>
              <link rel="self" href="https://example.org/feed.atom"/><author><name>Paperboy</name></author>
              <entry><title>A paper</title><id>https://example.org/papers/2608.19880</id>
                <updated>2026-08-21T09:00:00.5+02:00</updated><link href="https://example.org/papers/2608.19880"/></entry>
            </feed>""";

    @Test
    void aValidFeedHasNoViolations() {
        assertThat(AtomRules.violations(VALID)).isEmpty();
    }

    @Test
    void findsMissingAndRepeatedElementsRelativeLinksBadDatesAndMissingAuthors() {
        String broken = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Example</title><title>Again</title><updated>2026-08-21 10:00</updated>
                  <link rel="alternate" type="text/html" href="/"/><link rel="alternate" type="text/html" href="https://example.org/"/>
                  <entry><title type="markdown">A paper</title><id>papers/2608.19880</id><updated>2026-08-21T09:00:00Z</updated></entry>
                </feed>""";

        assertThat(AtomRules.violations(broken)).containsExactlyInAnyOrder(
                "feed: 0 atom:id (RFC 4287 wants exactly one)",
                "feed: 2 atom:title (RFC 4287 wants exactly one)",
                "feed atom:updated: \"2026-08-21 10:00\" is not an RFC 3339 date-time",
                "feed link alternate: \"/\" is not an absolute IRI",
                "feed: two alternate links of type text/html",
                "feed: no link rel=\"self\"",
                "entry papers/2608.19880 atom:id: \"papers/2608.19880\" is not an absolute IRI",
                "entry papers/2608.19880: atom:title of type \"markdown\"",
                "entry papers/2608.19880: no atom:author, and the feed has none",
                "entry papers/2608.19880: neither content nor an alternate link");
    }

    @Test
    void anRssDocumentIsNoAtomFeed() {
        assertThat(AtomRules.violations("<rss version=\"2.0\"><channel/></rss>")).containsExactly("the root is not atom:feed but rss");
    }
}
