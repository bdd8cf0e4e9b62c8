package paperboy.digest;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Works through the outbox: each thread claims a row, composes that subscriber's mail from the
 * store (nothing is composed ahead, so memory does not grow with the list), sends it on its own
 * connection, and marks the row. Whatever stops a run (a kill, a lost connection, the server
 * down), every row is either marked or still claimable, so the next run finishes the work.
 */
final class Sender {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final int MARK_TRIES = 5;

    private final Outbox outbox;
    private final EditionStore editions;
    private final SubscriberStore subscribers;
    private final Composer composer;
    private final MailTransport transport;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    Sender(Outbox outbox, EditionStore editions, SubscriberStore subscribers, Composer composer, MailTransport transport,
            Clock clock) {
        this.outbox = outbox;
        this.editions = editions;
        this.subscribers = subscribers;
        this.composer = composer;
        this.transport = transport;
        this.clock = clock;
    }

    /** One run: until nothing is due within the policy's retry window, the server is given up on, or {@code stop}. */
    SendReport run(SendPolicy policy, BooleanSupplier stop) throws InterruptedException {
        Run run = new Run(policy, stop, clock.instant());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < policy.threads(); i++) {
            String name = node + "/" + i;
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
        final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        final Map<Long, Edition> editionCache = new ConcurrentHashMap<>();

        Run(SendPolicy policy, BooleanSupplier stop, Instant start) {
            this.policy = policy;
            this.stop = stop;
            this.until = start.plus(policy.retryWithinRun());
        }

        boolean over() {
            return stop.getAsBoolean() || serverDown.get() || failure.get() != null;
        }

        void work(String sender) {
            try (Mailer mailer = transport.open()) {
                while (!over()) {
                    Optional<Outbox.Claim> claim = outbox.claim(sender, clock.instant(), policy.lease());
                    if (claim.isPresent()) {
                        send(mailer, sender, claim.get());
                    } else if (!waitForNextDue()) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

        private void send(Mailer mailer, String sender, Outbox.Claim claim) {
            Instant now = clock.instant();
            Optional<Subscriber> subscriber = subscribers.find(claim.subscriberId()).filter(Subscriber::mailed);
            if (subscriber.isEmpty()) {
                outbox.skipped(claim, sender, now, "no longer subscribed");
                skipped.incrementAndGet();
                return;
            }
            Edition edition = editionCache.computeIfAbsent(claim.editionId(), id -> editions.find(id).orElseThrow());
            Optional<Mail> mail;
            try {
                mail = composer.compose(edition, subscriber.get(), subscribers.topics(claim.subscriberId()), claim.messageId(), now);
            } catch (RuntimeException e) {
                log.warn("could not compose {} for subscriber {}; retrying later", edition.title(), claim.subscriberId(), e);
                outbox.retry(claim, sender, now.plus(policy.backoff(claim.attempts())), "compose: " + e);
                retried.incrementAndGet();
                return;
            }
            if (mail.isEmpty()) {
                outbox.skipped(claim, sender, now, "no paper for this subscriber in this edition");
                skipped.incrementAndGet();
                return;
            }
            outcome(sender, claim, mailer.send(mail.get()));
        }

        /**
         * Records what became of a mail, trying again while the store is busy (SQLite's writer
         * lock under load): a mark that never lands leaves the row sending, so it would be resent
         * as in doubt.
         */
        private void outcome(String sender, Outbox.Claim claim, Delivery delivery) {
            for (int tries = 1; ; tries++) {
                try {
                    mark(sender, claim, delivery);
                    return;
                } catch (RuntimeException e) {
                    if (tries == MARK_TRIES) {
                        throw e;
                    }
                    log.warn("digest: could not record {} for outbox row {} (try {} of {}); trying again", delivery.status(),
                            claim.id(), tries, MARK_TRIES, e);
                    try {
                        Thread.sleep(1000L * tries);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }

        private void mark(String sender, Outbox.Claim claim, Delivery delivery) {
            Instant now = clock.instant();
            switch (delivery.status()) {
                case SENT -> {
                    outbox.sent(claim, sender, now);
                    sent.incrementAndGet();
                    if (claim.inDoubt()) {
                        resent.incrementAndGet();
                    }
                    failuresInARow.set(0);
                }
                case TEMPORARY -> {
                    if (claim.attempts() >= policy.maxAttempts()) {
                        outbox.failed(claim, sender, now, "gave up after " + claim.attempts() + " tries: " + delivery, false);
                        failed.incrementAndGet();
                    } else {
                        outbox.retry(claim, sender, now.plus(policy.backoff(claim.attempts())), delivery.toString());
                        retried.incrementAndGet();
                    }
                    if (failuresInARow.incrementAndGet() >= policy.giveUpAfter() && serverDown.compareAndSet(false, true)) {
                        log.warn("digest: {} temporary failures in a row ({}); leaving the rest for the next run",
                                failuresInARow.get(), delivery);
                    }
                }
                case PERMANENT -> {
                    outbox.failed(claim, sender, now, delivery.toString(), true);
                    failed.incrementAndGet();
                    failuresInARow.set(0);
                }
                case IN_DOUBT -> {
                    outbox.inDoubt(claim, sender, now.plus(policy.backoff(claim.attempts())), delivery.toString());
                    inDoubt.incrementAndGet();
                }
            }
        }
    }
}
