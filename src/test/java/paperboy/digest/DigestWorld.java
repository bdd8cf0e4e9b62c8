package paperboy.digest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import paperboy.config.DigestSettings;
import paperboy.config.MailSettings;
import paperboy.db.Database;
import paperboy.mail.MailTransport;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperBuilder;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;
import paperboy.search.PaperIndex;
import paperboy.subscription.ConfirmationMails;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.Subscriber;
import paperboy.subscription.SubscriberStore;
import paperboy.subscription.Subscriptions;
import paperboy.subscription.Topic;

/**
 * A store with papers, featured days, a real search index and subscribers, and the digest wired
 * over it with a given transport: what the digest tests run on. The edition most tests send is
 * the daily one of Tuesday 1 December 2026, which covers Monday 30 November.
 */
public final class DigestWorld implements AutoCloseable {
    public static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
    public static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    public static final URI BASE = URI.create("https://papers.example.org");
    /** Short waits, so that retries within a run take milliseconds; claims of 5 rows, so that a few readers make several batches. */
    public static final SendPolicy FAST = new SendPolicy(1, Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(2), 5, 4, Duration.ofSeconds(30), 5);

    public final Database db;
    public final PaperStore papers;
    public final FeaturedStore featured;
    public final PaperIndex index;
    public final Subscriptions subscriptions;
    public final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"));
    public final Path dir;
    private final MailTransport transport;
    private Digests digests;

    public DigestWorld(Database db, Path dir, MailTransport transport) {
        this.db = db;
        this.dir = dir;
        this.transport = transport;
        this.papers = new PaperStore(db.jdbi());
        this.featured = new FeaturedStore(db.jdbi());
        this.index = new PaperIndex(dir.resolve("index-" + System.nanoTime()));
        this.subscriptions = new Subscriptions(new SubscriberStore(db.jdbi()), ConfirmationMails.off(), clock);
    }

    /** The .eml transport in {@code dir/mail}. */
    public static MailTransport files(Path dir) {
        return MailTransport.of(MailSettings.FILES.withFrom("Paperboy <digest@papers.example.org>"), dir.resolve("mail"));
    }

    /** SMTP to a server on the loopback address (GreenMail, or the scripted one of the mail tests). */
    public static MailTransport smtp(int port) {
        return MailTransport.of(new MailSettings(java.util.Optional.of(new paperboy.config.SmtpServer(
                paperboy.config.SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1", port, "", "")),
                "Paperboy <digest@papers.example.org>", java.util.Optional.empty()), java.nio.file.Path.of("unused"));
    }

    public Digests digests() {
        if (digests == null) {
            digests = new Digests(db, papers, featured, index, subscriptions, transport, new SiteLinks(BASE),
                    new DigestSettings(java.time.LocalTime.of(7, 0), 10), clock);
        }
        return digests;
    }

    /** Papers featured on Monday 30 November with the given titles (ids 2611.0000N, upvotes falling). */
    public DigestWorld featuredOnMonday(String... titles) {
        for (int i = 0; i < titles.length; i++) {
            store(PaperBuilder.paper("2611.0" + String.format("%04d", i + 1)).title(titles[i]).summary("About " + titles[i] + ".")
                    .authors("Ada Lovelace", "Alan Turing").upvotes(100 - i).published("2026-11-27")
                    .featuredOn(MONDAY.toString(), "2026-11-30T06:00:00Z"));
        }
        return this;
    }

    public DigestWorld store(PaperUpdate... updates) {
        papers.upsert(Arrays.asList(updates), "test");
        index.catchUp(papers);
        return this;
    }

    public Subscriber confirmed(String email, Frequency frequency, String... topics) {
        return subscriptions.add(EmailAddress.of(email), frequency, Arrays.stream(topics).map(Topic::new).toList(), true);
    }

    /** {@code n} confirmed daily subscribers reader1@... to readerN@... */
    public List<Subscriber> readers(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> confirmed("reader" + i + "@example.org", Frequency.DAILY)).toList();
    }

    @Override
    public void close() throws Exception {
        index.close();
    }
}
