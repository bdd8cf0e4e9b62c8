package paperboy.digest;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.mail.Delivery;
import paperboy.mail.Mail;
import paperboy.mail.MailTransport;
import paperboy.mail.Mailer;
import paperboy.subscription.Subscriber;
import paperboy.subscription.SubscriberStore;

/**
 * Works through the outbox: each thread claims a batch of rows (leased, in one write), reads
 * their subscribers and topics (two reads a batch), then for each row composes the mail (nothing
 * is composed ahead, so memory holds one batch of subscribers, not the list), sets the row
 * sending in the same write that records the previous mail's outcome, and sends it on its own
 * connection. Whatever stops a run (a kill, a lost connection, the server down), every row is
 * either marked or still claimable, and at most one mail per thread is in doubt; the next run
 * finishes the work.
 */
final class Sender {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final Outbox outbox;
    private final EditionStore editions;
    private final SubscriberStore subscribers;
    private final Composer composer;
    private final MailTransport transport;
    private final Calendar calendar;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    Sender(Outbox outbox, EditionStore editions, SubscriberStore subscribers, Composer composer, MailTransport transport,
            Calendar calendar, Clock clock) {
        this.outbox = outbox;
        this.editions = editions;
        this.subscribers = subscribers;
        this.composer = composer;
        this.transport = transport;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One run: until nothing is due within the policy's retry window, the server is given up on, or {@code stop}. */
    SendReport run(SendPolicy policy, BooleanSupplier stop) throws InterruptedException {
        Run run = new Run(policy, stop, clock.instant());
        // A name of its own per run and thread: claims and starts match on it, so two runs that overlap
        // in one process (the schedule's and the 15-minute resend) must not pass for one sender.
        String runId = UUID.randomUUID().toString().substring(0, 8);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < policy.threads(); i++) {
            String name = node + "/" + runId + "/" + i;
            threads.add(Thread.ofPlatform().name("digest-sender-" + i).start(() -> run.work(name)));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (run.failure.get() != null) {
            throw run.failure.get();
        }
        return new SendReport(run.sent.get(), run.resent.get(), run.retried.get(), run.inDoubt.get(), run.failed.get(),
                run.skipped.get(), outbox.waiting(), run.serverDown.get());
    }

    /** A claimed batch with its subscribers and their topics. */
    private record Batch(Deque<Outbox.Claim> claims, Map<Long, Subscriber> readers, Map<Long, List<String>> topics) {
        static Batch empty() {
            return new Batch(new ArrayDeque<>(), Map.of(), Map.of());
        }
    }

    /** The counters and shared decisions of one run. */
    private final class Run {
        final SendPolicy policy;
        final BooleanSupplier stop;
        final Instant until;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger inDoubt = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger failuresInARow = new AtomicInteger();
        final AtomicBoolean serverDown = new AtomicBoolean();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final Map<Long, Edition> editionCache = new ConcurrentHashMap<>();

        Run(SendPolicy policy, BooleanSupplier stop, Instant start) {
            this.policy = policy;
            this.stop = stop;
            this.until = start.plus(policy.retryWithinRun());
        }

        boolean over() {
            return stop.getAsBoolean() || serverDown.get() || failure.get() != null;
        }

        /**
         * One thread's loop. Outcomes wait in {@code done} for the thread's next write (the next
         * start or claim); on an exception nothing more is written, as after a kill.
         */
        void work(String sender) {
            List<Outbox.Mark> done = new ArrayList<>();
            Batch batch = Batch.empty();
            try (Mailer mailer = transport.open()) {
                while (!over()) {
                    if (batch.claims().isEmpty()) {
                        batch = claim(sender, done);
                        if (batch.claims().isEmpty() && !waitForNextDue()) {
                            break;
                        }
                        continue;
                    }
                    send(mailer, sender, batch, batch.claims().poll(), done);
                }
                outbox.settle(sender, done, batch.claims());
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Batch claim(String sender, List<Outbox.Mark> done) {
            List<Outbox.Claim> claims = outbox.claim(sender, clock.instant(), policy.lease(), policy.batch(), done);
            done.clear();
            if (claims.isEmpty()) {
                return Batch.empty();
            }
            List<Long> ids = claims.stream().map(Outbox.Claim::subscriberId).toList();
            return new Batch(new ArrayDeque<>(claims), subscribers.findAll(ids), subscribers.topics(ids));
        }

        /** Sleeps until the next row falls due, if that is within the run; false when the run is done. */
        private boolean waitForNextDue() throws InterruptedException {
            Optional<Instant> next = outbox.nextDue();
            Instant now = clock.instant();
            if (next.isEmpty() || next.get().isAfter(until)) {
                return false;
            }
            long wait = Math.max(10, Duration.between(now, next.get()).toMillis());
            Thread.sleep(Math.min(wait, 1000));
            return true;
        }

        private void send(Mailer mailer, String sender, Batch batch, Outbox.Claim claim, List<Outbox.Mark> done) {
            Instant now = clock.instant();
            Optional<Subscriber> subscriber = Optional.ofNullable(batch.readers().get(claim.subscriberId())).filter(Subscriber::mailed);
            if (subscriber.isEmpty()) {
                done.add(new Outbox.Mark(claim, Outbox.Outcome.SKIPPED, now, "no longer subscribed"));
                skipped.incrementAndGet();
                return;
            }
            Edition edition = editionCache.computeIfAbsent(claim.editionId(), id -> editions.find(id).orElseThrow());
            Optional<Mail> mail;
            try {
                // Dated by the edition, not the attempt: a mail resent after an attempt in doubt is the same mail.
                mail = composer.compose(edition, subscriber.get(), batch.topics().getOrDefault(claim.subscriberId(), List.of()),
                        claim.messageId(), calendar.sendTime(edition.day()));
            } catch (RuntimeException e) {
                log.warn("could not compose {} for subscriber {}; retrying later", edition.title(), claim.subscriberId(), e);
                done.add(new Outbox.Mark(claim, Outbox.Outcome.RETRY, now.plus(policy.backoff(claim.attempts())), "compose: " + e));
                retried.incrementAndGet();
                return;
            }
            if (mail.isEmpty()) {
                done.add(new Outbox.Mark(claim, Outbox.Outcome.SKIPPED, now, "no paper for this subscriber in this edition"));
                skipped.incrementAndGet();
                return;
            }
            Outbox.Start start = outbox.start(sender, claim, now, policy.lease(), done);
            done.clear();
            switch (start) {
                case SENDING -> done.add(mark(claim, subscriber.get(), mailer.send(mail.get())));
                case NO_LONGER_MAILED -> {
                    done.add(new Outbox.Mark(claim, Outbox.Outcome.SKIPPED, now, "no longer subscribed"));
                    skipped.incrementAndGet();
                }
                case TAKEN -> log.info("digest: outbox row {} was taken by another sender after this one's lease ran out", claim.id());
            }
        }

        /** What to record of a delivery, counted; the run gives up when the server keeps failing. */
        private Outbox.Mark mark(Outbox.Claim claim, Subscriber to, Delivery delivery) {
            Instant now = clock.instant();
            return switch (delivery.status()) {
                case SENT -> {
                    sent.incrementAndGet();
                    if (claim.inDoubt()) {
                        resent.incrementAndGet();
                    }
                    failuresInARow.set(0);
                    yield new Outbox.Mark(claim, to.state() == Subscriber.State.BOUNCING ? Outbox.Outcome.SENT_TO_BOUNCING
                            : Outbox.Outcome.SENT, now, null);
                }
                case TEMPORARY -> {
                    if (failuresInARow.incrementAndGet() >= policy.giveUpAfter() && serverDown.compareAndSet(false, true)) {
                        log.warn("digest: {} temporary failures in a row ({}); leaving the rest for the next run",
                                failuresInARow.get(), delivery);
                    }
                    if (claim.attempts() >= policy.maxAttempts()) {
                        failed.incrementAndGet();
                        yield new Outbox.Mark(claim, Outbox.Outcome.FAILED, now,
                                "gave up after " + claim.attempts() + " tries: " + delivery);
                    }
                    retried.incrementAndGet();
                    yield new Outbox.Mark(claim, Outbox.Outcome.RETRY, now.plus(policy.backoff(claim.attempts())), delivery.toString());
                }
                case PERMANENT -> {
                    failed.incrementAndGet();
                    failuresInARow.set(0);
                    yield new Outbox.Mark(claim, Outbox.Outcome.BOUNCED, now, delivery.toString());
                }
                case IN_DOUBT -> {
                    inDoubt.incrementAndGet();
                    yield new Outbox.Mark(claim, Outbox.Outcome.IN_DOUBT, now.plus(policy.backoff(claim.attempts())), delivery.toString());
                }
            };
        }
    }
}
