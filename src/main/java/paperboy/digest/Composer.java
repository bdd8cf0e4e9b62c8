package paperboy.digest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import paperboy.mail.Address;
import paperboy.mail.Mail;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.subscription.MailHtml;
import paperboy.subscription.ManageTokens;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.Subscriber;

/**
 * Makes one subscriber's mail of an edition, at the moment it is sent: the edition's featured
 * papers (read once per edition), the subscriber's topics' matches ({@link TopicMatches}), the
 * manage and one-click unsubscribe links (RFC 8058), HTML and plain text. Nothing is held per
 * subscriber, so an edition for any number of them composes in the same memory.
 */
final class Composer {
    private final PaperStore papers;
    private final TopicMatches topics;
    private final SiteLinks links;
    private final Address from;
    private final ManageTokens tokens;
    private final Cache<String, List<Letter.Item>> featured = Caffeine.newBuilder().maximumSize(16).build();

    Composer(PaperStore papers, TopicMatches topics, SiteLinks links, Address from, ManageTokens tokens) {
        this.papers = papers;
        this.topics = topics;
        this.links = links;
        this.from = from;
        this.tokens = tokens;
    }

    /** The letter for {@code subscriber}; empty when it would hold no paper at all. */
    Letter letter(Edition edition, Subscriber subscriber, List<String> queries) {
        List<Letter.Section> sections = new ArrayList<>();
        for (String query : queries) {
            List<Paper> matches = topics.of(edition, query);
            if (!matches.isEmpty()) {
                sections.add(new Letter.Section(query, links.at("/search?q=" + encode(query) + "&from=" + edition.span().from()
                        + "&to=" + edition.span().to()), matches.stream().map(p -> Letter.Item.of(p, links)).toList()));
            }
        }
        String token = tokens.of(subscriber);
        return new Letter(edition.title(), period(edition), featured(edition), sections, links.at("/"),
                links.manage(token), links.unsubscribe(token));
    }

    Optional<Mail> compose(Edition edition, Subscriber subscriber, List<String> queries, String messageId, Instant date) {
        Letter letter = letter(edition, subscriber, queries);
        if (letter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mail(messageId, from, Address.of(subscriber.email().value()), letter.title(), letter.text(),
                MailHtml.render("mail/digest.jte", letter), headers(letter), date));
    }

    /** One-click unsubscribe (RFC 2369 and RFC 8058), which large mailbox providers require of bulk mail. */
    private Map<String, String> headers(Letter letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">, <mailto:" + from.email() + "?subject=unsubscribe>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Paperboy digest <digest." + links.host() + ">");
        return headers;
    }

    private List<Letter.Item> featured(Edition edition) {
        return featured.get(edition.prefix(), key -> {
            Map<ArxivId, Paper> found = papers.findAll(edition.featured()).stream()
                    .collect(Collectors.toMap(Paper::id, Function.identity()));
            return edition.featured().stream().map(found::get).filter(Objects::nonNull)
                    .map(p -> Letter.Item.of(p, links)).toList();
        });
    }

    private static String period(Edition edition) {
        Calendar.Span span = edition.span();
        return span.from().equals(span.to()) ? "Papers of " + span.from() : "Papers of " + span.from() + " to " + span.to();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
