package paperboy.syndication;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import paperboy.paper.Paper;

/**
 * Writes a {@link PaperFeed} as Atom 1.0 or RSS 2.0 with Rome, every address absolute from
 * {@code base}. Each entry's id is its paper page; it links that page (alternate), the arXiv
 * abstract and the PDF (related), names the authors and categories, and carries the abstract as
 * its summary and, as HTML for readers that show only that, authors, abstract and links as content.
 * RSS has one link and one date per item, so there the date is the entry's {@code updated} time,
 * the authors are {@code dc:creator}s and the channel names itself with an {@code atom:link}.
 */
final class FeedWriter {
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    byte[] write(PaperFeed feed, FeedFormat format, String base) {
        SyndFeed out = new SyndFeedImpl();
        out.setFeedType(format.romeType());
        out.setEncoding("UTF-8");
        out.setTitle(XmlText.of(feed.title()));
        out.setDescription(XmlText.of(feed.subtitle()));
        out.setLink(base + feed.pagePath());
        out.setUri(base + feed.path(FeedFormat.ATOM)); // the feed's id: its Atom address, the same in both formats
        out.setPublishedDate(Date.from(feed.updated()));
        String self = base + feed.path(format);
        if (format == FeedFormat.ATOM) {
            out.setLinks(List.of(link("alternate", "text/html", base + feed.pagePath(), null),
                    link("self", format.mediaType(), self, null)));
            out.setAuthors(List.of(person("Paperboy", base + "/")));
        } else {
            out.setForeignMarkup(List.of(new Element("link", ATOM).setAttribute("href", self)
                    .setAttribute("rel", "self").setAttribute("type", format.mediaType())));
        }
        out.setEntries(feed.items().stream().map(item -> entry(item, format, base)).toList());
        try {
            return new SyndFeedOutput().outputString(out, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + format + " feed " + feed.feedPath(), e);
        }
    }

    private static SyndEntry entry(PaperFeed.Item item, FeedFormat format, String base) {
        Paper paper = item.paper();
        String page = base + "/papers/" + paper.id().value();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(page);
        entry.setTitle(XmlText.of(paper.title()));
        entry.setLink(page);
        entry.setCategories(paper.categories().stream().map(FeedWriter::category).toList());
        entry.setUpdatedDate(Date.from(item.updated()));
        String html = EntryHtml.of(paper, page);
        if (format == FeedFormat.ATOM) {
            entry.setLinks(new ArrayList<>(List.of(link("alternate", "text/html", page, null),
                    link("related", "text/html", paper.id().absUrl(), "arXiv abstract"),
                    link("related", "application/pdf", paper.id().pdfUrl(), "PDF"))));
            entry.setAuthors(paper.authors().stream().map(name -> person(name, null)).toList());
            entry.setPublishedDate(date(paper.publishedAt()));
            entry.setDescription(content("text", paper.summary()));
            entry.setContents(List.of(content("html", html)));
        } else {
            entry.setPublishedDate(Date.from(item.updated()));
            ((DCModule) entry.getModule(DCModule.URI)).setCreators(paper.authors().stream().map(XmlText::of).toList());
            entry.setDescription(content("text/html", html));
        }
        return entry;
    }

    private static SyndLink link(String rel, String type, String href, String title) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        link.setTitle(title);
        return link;
    }

    private static SyndPerson person(String name, String uri) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(XmlText.of(name));
        person.setUri(uri);
        return person;
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(XmlText.of(name));
        return category;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(XmlText.of(value));
        return content;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
