package paperboy.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import paperboy.TestKeys;
import paperboy.config.DkimSettings;
import paperboy.config.MailSettings;
import paperboy.config.SmtpServer;
import paperboy.mail.Delivery;
import paperboy.mail.Mail;
import paperboy.mail.MailTransport;
import paperboy.mail.Mailer;

/**
 * Mails per second through {@link MailTransport}: to a local SMTP sink (GreenMail on the loopback
 * address) with 1, 2 and 4 sender threads, each with its own kept connection, with and without
 * DKIM; and to the .eml folder. Each mail is digest-sized (about 12 KB of HTML, 3 KB of text).
 * Not a test; run it with {@code bench/run.sh MailThroughput [MAILS]}.
 */
public final class MailThroughput {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.printf("%d mails a run; %s%n", count, Machine.describe());
        DkimSettings dkim = new DkimSettings(Path.of("bench"), TestKeys.rsa().getPrivate(), "bench", "paperboy.test");
        GreenMail sink = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        sink.start();
        try {
            SmtpServer server = new SmtpServer(SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1", sink.getSmtp().getPort(), "", "");
            MailSettings smtp = MailSettings.FILES.withFrom("Paperboy <papers@paperboy.test>").withSmtp(server);
            run("smtp", MailTransport.of(smtp, Path.of("unused")), 1, Math.min(200, count), "warm-up");
            sink.purgeEmailFromAllMailboxes();
            for (int threads : new int[] {1, 2, 4}) {
                run("smtp", MailTransport.of(smtp, Path.of("unused")), threads, count, "");
                sink.purgeEmailFromAllMailboxes();
            }
            run("smtp+dkim", MailTransport.of(smtp.withDkim(dkim), Path.of("unused")), 2, count, "");
            sink.purgeEmailFromAllMailboxes();
        } finally {
            sink.stop();
        }
        Path folder = Files.createTempDirectory("paperboy-mail-bench");
        try {
            for (int threads : new int[] {1, 2}) {
                run(".eml", MailTransport.of(MailSettings.FILES, folder.resolve("t" + threads)), threads, count, "fsync each file");
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(String what, MailTransport transport, int threads, int count, String note) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            senders.add(pool.submit(() -> {
                try (Mailer mailer = transport.open()) {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        Delivery delivery = mailer.send(mail(transport, i));
                        if (!delivery.isSent()) {
                            failed.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%-10s threads %d  %5d mails  %7.1f mails/s  %d not sent  (load %s) %s%n",
                what, threads, count, count / seconds, failed.get(), Machine.load(), note);
        System.out.flush();
    }

    private static final String HTML = "<html><body>" + "<div style=\"margin:0 0 16px\"><a href=\"https://papers.example.org/papers/2612.00001\""
            + " style=\"font-weight:bold;color:#111\">A paper title that is about this long, on attention</a><br>"
            + "<span style=\"color:#555\">A. Author, B. Author, C. Author</span><p>The first lines of the abstract, about two hundred"
            + " characters of it, so that the mail is as long as a real digest of ten papers and three topics.</p></div>".repeat(20)
            + "</body></html>";
    private static final String TEXT = "1. A paper title that is about this long, on attention\n   https://papers.example.org/papers/2612.00001\n\n"
            .repeat(30);

    private static Mail mail(MailTransport transport, int i) {
        return new Mail("bench-" + i + "." + System.nanoTime() + "@papers.example.org", transport.from(),
                paperboy.mail.Address.of("reader" + i + "@example.org"), "Trending papers, Tuesday 1 December", TEXT, HTML,
                Map.of("List-Unsubscribe", "<https://papers.example.org/unsubscribe/t" + i + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                Instant.parse("2026-12-01T07:30:00Z"));
    }
}
