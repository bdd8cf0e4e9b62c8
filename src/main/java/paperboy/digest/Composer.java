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
 * Makes one subscriber's mail of an edition, at the moment it is sent: the edition's title and
 * featured papers (read and rendered once per edition), the subscriber's topics' matches ({@link TopicMatches}), the
 * manage and one-click unsubscribe links (RFC 8058), HTML and plain text. Nothing is held per
 * subscriber, so an edition for any number of them composes in the same memory.
 */
final class Composer {
    private final PaperStore papers;
    private final TopicMatches topics;
    private final SiteLinks links;
    private final Address from;
    private final ManageTokens tokens;
    /** What every mail of an edition shares, made once per edition. */
    private final Cache<String, Front> fronts = Caffeine.newBuilder().maximumSize(16).build();

    private record Front(String title, String period, List<Letter.Entry> featured) {}

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
            topics.section(edition, query).ifPresent(sections::add);
        }
        String token = tokens.of(subscriber);
        Front front = fronts.get(edition.cacheKey(), key -> front(edition));
        return new Letter(front.title(), front.period(), front.featured(), sections, links.at("/"),
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

    /**
     * One-click unsubscribe (RFC 2369 and RFC 8058), which large mailbox providers require of bulk
     * mail: the https link alone, since nothing reads mail sent to the sender's address.
     */
    private Map<String, String> headers(Letter letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Paperboy digest <digest." + links.host() + ">");
        return headers;
    }

    private Front front(Edition edition) {
        Map<ArxivId, Paper> found = papers.findAll(edition.featured()).stream()
                .collect(Collectors.toMap(Paper::id, Function.identity()));
        return new Front(edition.title(), period(edition), edition.featured().stream().map(found::get).filter(Objects::nonNull)
                .map(p -> Letter.Entry.of(p, links)).toList());
    }

    private static String period(Edition edition) {
        Calendar.Span span = edition.span();
        return span.from().equals(span.to()) ? "Papers of " + span.from() : "Papers of " + span.from() + " to " + span.to();
    }
}
