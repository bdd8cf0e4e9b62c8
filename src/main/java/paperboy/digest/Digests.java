package paperboy.digest;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.config.DigestSettings;
import paperboy.db.Database;
import paperboy.feed.Trending;
import paperboy.mail.Delivery;
import paperboy.mail.Mail;
import paperboy.mail.MailTransport;
import paperboy.mail.Mailer;
import paperboy.paper.ArxivId;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.FeaturedStore;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.Subscriber;
import paperboy.subscription.Subscriptions;

/**
 * The email digest: makes an edition (its featured papers chosen, one outbox row per subscriber,
 * in one transaction), sends the outbox, and shows what an edition would send (a dry run, a copy
 * to one address, the preview page). Used by {@code paperboy digest} and by {@code serve}'s schedule.
 */
public final class Digests implements DigestPreview {
    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    /** More than any real window holds; trending is ranked in memory over it (as the lists do). */
    private static final int WINDOW_CAP = 10_000;

    private final FeaturedStore featured;
    private final PaperStore papers;
    private final Subscriptions subscriptions;
    private final EditionStore editions;
    private final Outbox outbox;
    private final MailTransport transport;
    private final Calendar calendar;
    private final int size;
    private final Clock clock;
    private final TopicMatches topics;
    private final Composer composer;
    private final Sender sender;

    public Digests(Database database, PaperStore papers, FeaturedStore featured, PaperIndex index, Subscriptions subscriptions,
            MailTransport transport, SiteLinks links, DigestSettings settings, Clock clock) {
        this.featured = featured;
        this.papers = papers;
        this.subscriptions = subscriptions;
        this.editions = new EditionStore(database.jdbi());
        this.outbox = new Outbox(database.jdbi(), database.dialect());
        this.transport = transport;
        this.calendar = new Calendar(settings.at());
        this.size = settings.size();
        this.clock = clock;
        this.topics = new TopicMatches(index, papers, links);
        this.composer = new Composer(papers, topics, links, transport.from(), subscriptions.manageTokens());
        this.sender = new Sender(outbox, editions, subscriptions.store(), composer, transport, calendar, clock);
    }

    @Override
    public boolean isOn() {
        return true;
    }

    @Override
    public boolean openToThisMachine() {
        return transport.writesFiles();
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Topic searches made so far: one per distinct topic of an edition, whatever the number of readers. */
    public long topicSearches() {
        return topics.searches();
    }

    /** The latest edition of {@code kind} due by now. */
    @Override
    public LocalDate lastDue(Frequency kind) {
        return calendar.lastDue(kind, clock.instant());
    }

    /**
     * Makes the edition of {@code day} and its outbox rows unless it exists (then nothing changes).
     *
     * @throws IllegalArgumentException when no edition of {@code kind} is sent that day
     */
    public EditionStore.Created prepare(LocalDate day, Frequency kind) {
        Optional<Edition> existing = editions.find(day, kind);
        if (existing.isPresent()) {
            return new EditionStore.Created(existing.get(), false, 0);
        }
        Calendar.Span span = Calendar.span(kind, day);
        List<ArxivId> top = trending(span, calendar.sendTime(day));
        boolean empty = top.isEmpty() && !anyPublished(span);
        return editions.create(day, kind, span, top, empty, transport.from().domain(), clock.instant());
    }

    /** Sends what the outbox holds that is due, of every edition. */
    public SendReport send(SendPolicy policy, BooleanSupplier stop) throws InterruptedException {
        return sender.run(policy, stop);
    }

    /**
     * The scheduled run of a day: forgets addresses never confirmed, makes the editions due today
     * (daily on weekdays, weekly on Mondays), and sends the outbox.
     */
    public SendReport scheduled(BooleanSupplier stop) throws InterruptedException {
        int forgotten = subscriptions.forgetUnconfirmed();
        if (forgotten > 0) {
            log.info("digest: forgot {} addresses never confirmed", forgotten);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Frequency kind : Frequency.values()) {
            if (Calendar.isEditionDay(kind, today)) {
                EditionStore.Created created = prepare(today, kind);
                log.info("digest: {}: {}", created.edition().title(), describe(created));
            }
        }
        SendReport report = send(SendPolicy.DEFAULTS, stop);
        log.info("digest: {}", report.summary());
        return report;
    }

    public static String describe(EditionStore.Created created) {
        if (created.edition().state() == Edition.State.EMPTY) {
            return "nothing was featured or published in " + created.edition().span().from() + " to "
                    + created.edition().span().to() + ": nothing to send";
        }
        return created.made() ? created.queued() + " mails queued" : "made before; sending what is left";
    }

    /** Prints, one line per subscriber, what the edition of {@code day} would send, without sending or storing anything. */
    public void dryRun(LocalDate day, Frequency kind, PrintWriter out) {
        Edition edition = transientEdition(day, kind);
        out.println(edition.title() + " (" + edition.span().from() + " to " + edition.span().to() + "): "
                + edition.featured().size() + " trending papers");
        if (edition.state() == Edition.State.EMPTY) {
            out.println("nothing was featured or published in the period: nothing would be sent");
            return;
        }
        int[] counts = new int[2];
        subscriptions.store().forEachWithTopics((s, topics) -> {
            if (!s.mailed() || s.frequency() != kind) {
                return;
            }
            Letter letter = composer.letter(edition, s, topics);
            int matches = letter.topics().stream().mapToInt(t -> t.papers().size()).sum();
            counts[letter.isEmpty() ? 1 : 0]++;
            out.println((letter.isEmpty() ? "skip  " : "send  ") + s.email() + "  " + letter.featured().size() + " trending"
                    + (topics.isEmpty() ? "" : ", " + matches + " for " + topics.size() + (topics.size() == 1 ? " topic" : " topics")));
        });
        out.println(counts[0] + " would be sent, " + counts[1] + " skipped (nothing for them)"
                + editions.find(day, kind).map(e -> "; this edition was made already: its outbox decides who still gets it").orElse(""));
    }

    /**
     * The mail of an edition as {@code to} would get it (with their topics when they subscribe),
     * not recorded anywhere; empty when the edition would hold nothing for them.
     */
    @Override
    public Optional<Mail> copy(LocalDate day, Frequency kind, EmailAddress to) {
        Edition edition = transientEdition(day, kind);
        Subscriber reader = subscriptions.store().find(to).orElseGet(() -> new Subscriber(0, to, kind,
                Subscriber.State.CONFIRMED, 0, clock.instant(), clock.instant(), null));
        List<String> topics = reader.id() == 0 ? List.of() : subscriptions.store().topics(reader.id());
        String messageId = "digest-copy." + UUID.randomUUID() + "@" + transport.from().domain();
        return composer.compose(edition, reader, topics, messageId, clock.instant());
    }

    /** Sends {@link #copy} to {@code to}, outside the outbox. */
    public Optional<Delivery> sendCopy(LocalDate day, Frequency kind, EmailAddress to) {
        Optional<Mail> mail = copy(day, kind, to);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        try (Mailer mailer = transport.open()) {
            return Optional.of(mailer.send(mail.get()));
        }
    }

    /** The stored edition, or the one that would be made now (id 0, nothing stored). */
    private Edition transientEdition(LocalDate day, Frequency kind) {
        return editions.find(day, kind).orElseGet(() -> {
            Calendar.Span span = Calendar.span(kind, day);
            List<ArxivId> top = trending(span, calendar.sendTime(day));
            boolean empty = top.isEmpty() && !anyPublished(span);
            return new Edition(0, day, kind, span, top, empty ? Edition.State.EMPTY : Edition.State.QUEUED);
        });
    }

    /** The period's featured papers that trend most at the edition's time. */
    private List<ArxivId> trending(Calendar.Span span, Instant at) {
        return featured.between(span.from(), span.to(), FeaturedStore.Order.UPVOTES, 0, WINDOW_CAP).stream()
                .filter(f -> !f.paper().withdrawn())
                .sorted(Trending.order(at))
                .limit(size)
                .map(FeaturedPaper::paper)
                .map(Paper::id)
                .toList();
    }

    /** Whether any paper's arXiv date falls in the period (topics may match it). */
    private boolean anyPublished(Calendar.Span span) {
        long end = span.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long start = span.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return papers.newest(new PaperStore.IndexCursor(end, ""), 1).stream()
                .anyMatch(p -> p.publishedAt() != null && p.publishedAt().toEpochMilli() >= start);
    }
}
