package paperboy.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import paperboy.config.DigestSettings;
import paperboy.db.Database;
import paperboy.digest.Digests;
import paperboy.digest.EditionStore;
import paperboy.digest.SendPolicy;
import paperboy.digest.SendReport;
import paperboy.mail.Address;
import paperboy.mail.Delivery;
import paperboy.mail.MailTransport;
import paperboy.mail.Mailer;
import paperboy.paper.ArxivId;
import paperboy.paper.FeaturedStore;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;
import paperboy.search.PaperIndex;
import paperboy.subscription.ConfirmationMails;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.SubscriberStore;
import paperboy.subscription.Subscriptions;

/**
 * Composing one edition for N subscribers with 3 topics each: the edition and its N outbox rows
 * (one transaction), then every mail composed from its row and handed to a sink that accepts it
 * at once (no SMTP: mail's bench measures sending), so the figure is the digest's own cost: claim,
 * compose (featured papers, topic searches, HTML and text), mark. Heap: see {@link HeapPeak}.
 *
 * <p>Load: 5,000 generated papers published on the period's day, 50 of them featured; topics drawn
 * from 300 distinct two-word queries (subscribers share topics, as readers of one field do).
 * Not a test; run with {@code bench/run.sh DigestCompose WORK [N] [THREADS] [STORE_URL]}.
 */
public final class DigestCompose {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final String[] WORDS = ("attention diffusion retrieval protein graph sparse transformer agent reasoning "
            + "vision speech robot policy reward token memory kernel quantum causal federated contrastive language "
            + "video molecule planning benchmark alignment tabular forecasting segmentation").split(" ");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String url = args.length > 3 ? args[3] : "jdbc:sqlite:" + work.resolve("digest.db");
        Files.createDirectories(work);
        System.out.println("machine: " + Machine.describe());
        System.out.printf("load: %,d subscribers x 3 topics, 5,000 papers in the period, 50 featured, %d sender threads, %s%n",
                n, threads, url.startsWith("jdbc:sqlite") ? "SQLite" : "PostgreSQL");
        HeapPeak peak = HeapPeak.start();
        try (Database db = Database.open(url); PaperIndex index = new PaperIndex(work.resolve("index-" + System.nanoTime()))) {
            PaperStore papers = new PaperStore(db.jdbi());
            fill(papers, index, db, n);
            long before = peak.reset();
            Subscriptions subscriptions = new Subscriptions(new SubscriberStore(db.jdbi()), ConfirmationMails.off(), Clock.systemUTC());
            Digests digests = new Digests(db, papers, new FeaturedStore(db.jdbi()), index, subscriptions, new Sink(),
                    new SiteLinks(java.net.URI.create("https://papers.example.org")), DigestSettings.DEFAULTS, Clock.systemUTC());

            long t0 = System.nanoTime();
            EditionStore.Created created = digests.prepare(TUESDAY, paperboy.subscription.Frequency.DAILY);
            long t1 = System.nanoTime();
            SendReport report = digests.send(SendPolicy.DEFAULTS.withThreads(threads), () -> false);
            long t2 = System.nanoTime();

            System.out.printf("edition + %,d outbox rows, one transaction: %.1f s%n", created.queued(), (t1 - t0) / 1e9);
            System.out.printf("composed and handed over: %,d mails in %.1f s = %,.0f mails/s (%s)%n", report.sent(), (t2 - t1) / 1e9,
                    report.sent() / ((t2 - t1) / 1e9), report.summary());
            System.out.printf("mail bytes composed: %,d (%,d a mail on average)%n", Sink.BYTES.get(), Sink.BYTES.get() / Math.max(1, report.sent()));
            System.out.printf("topic searches: %,d for %,d topics of %,d readers%n", digests.topicSearches(), 3L * n, n);
            System.out.printf("heap while sending: at most %,d MB left after a collection (%,d collections); pools' peaks %,d MB; "
                    + "sampled peak %,d MB (garbage included; %,d MB after loading); max heap %,d MB%n", peak.afterGc() / 1_000_000,
                    peak.collections(), peak.poolPeaks() / 1_000_000, peak.peak() / 1_000_000, before / 1_000_000,
                    Runtime.getRuntime().maxMemory() / 1_000_000);
            System.out.println("load average at the end: " + Machine.load());
        } finally {
            peak.stop();
        }
    }

    private static void fill(PaperStore papers, PaperIndex index, Database db, int n) {
        Random random = new Random(42);
        List<PaperUpdate> batch = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " for "
                    + WORDS[random.nextInt(WORDS.length)] + " " + i;
            Paper p = new Paper(new ArxivId(String.format("2611.%05d", i)), 1, title, "We study " + title + ". " + "Results. ".repeat(30),
                    List.of("Ada Lovelace", "Alan Turing", "Grace Hopper"), List.of("cs.LG"),
                    MONDAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null, null, null,
                    new Paper.Community(random.nextInt(100), 0, null, List.of()));
            batch.add(i <= 50 ? new PaperUpdate(p, MONDAY, null) : PaperUpdate.of(p));
        }
        papers.upsert(batch, "bench");
        index.catchUp(papers);
        long start = System.nanoTime();
        // Written in chunks (a 300,000-row batch would not fit the small heap the bench runs in); ids
        // are 1..n in a fresh store.
        for (int from = 1; from <= n; from += 5000) {
            int first = from;
            int last = Math.min(n, from + 4999);
            db.jdbi().useTransaction(h -> {
                var subscribers = h.prepareBatch("INSERT INTO subscribers (email, frequency, state, bounces, created_at, confirmed_at) "
                        + "VALUES (:email, 'daily', 'confirmed', 0, 0, 0)");
                for (int i = first; i <= last; i++) {
                    subscribers.bind("email", "reader" + i + "@example.org").add();
                }
                subscribers.execute();
                var topics = h.prepareBatch("INSERT INTO topics (subscriber_id, query) VALUES (:id, :query) ON CONFLICT DO NOTHING");
                for (int i = first; i <= last; i++) {
                    for (int t = 0; t < 3; t++) {
                        int q = random.nextInt(300);
                        topics.bind("query", WORDS[q % WORDS.length] + " " + WORDS[(q / WORDS.length + 1) % WORDS.length] + " t" + t)
                                .bind("id", (long) i).add();
                    }
                }
                topics.execute();
            });
        }
        System.out.printf("loaded %,d subscribers and their topics in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    /** Accepts every mail at once, counting what it was handed. */
    static final class Sink implements MailTransport, Mailer {
        static final AtomicLong BYTES = new AtomicLong();

        @Override
        public Mailer open() {
            return this;
        }

        @Override
        public Address from() {
            return Address.parse("Paperboy <digest@papers.example.org>");
        }

        @Override
        public String describe() {
            return "a sink";
        }

        @Override
        public Delivery send(paperboy.mail.Mail mail) {
            BYTES.addAndGet(mail.html().length() + mail.text().length());
            return Delivery.sent(250, "ok");
        }

        @Override
        public void close() {}
    }

    /**
     * Heap while sending, three ways: the most in use at any 20 ms sample (garbage included, so it
     * climbs to whatever the heap allows between collections); the sum of the heap pools' peaks
     * ({@link MemoryPoolMXBean#getPeakUsage}, reset when sending starts); and the most left in use
     * just after a collection (what the run really holds: the bound that streaming keeps).
     */
    static final class HeapPeak {
        private volatile long peak;
        private final AtomicLong afterGc = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private volatile boolean running = true;
        private Thread sampler;

        static HeapPeak start() {
            HeapPeak p = new HeapPeak();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, handback) -> p.collected(n), null, null);
            }
            p.sampler = Thread.ofPlatform().daemon().start(() -> {
                while (p.running) {
                    Runtime r = Runtime.getRuntime();
                    p.peak = Math.max(p.peak, r.totalMemory() - r.freeMemory());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return p;
        }

        private void collected(Notification n) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools().contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            afterGc.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
        }

        private static java.util.Set<String> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
        }

        long reset() {
            long was = peak;
            System.gc();
            peak = 0;
            afterGc.set(0);
            collections.set(0);
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            return was;
        }

        long peak() {
            return peak;
        }

        long poolPeaks() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP)
                    .mapToLong(m -> m.getPeakUsage().getUsed()).sum();
        }

        long afterGc() {
            return afterGc.get();
        }

        long collections() {
            return collections.get();
        }

        void stop() {
            running = false;
        }
    }
}
