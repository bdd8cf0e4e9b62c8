package paperboy.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import paperboy.App;
import paperboy.config.Config;
import paperboy.digest.Digests;
import paperboy.digest.EditionStore;
import paperboy.digest.SendPolicy;
import paperboy.digest.SendReport;
import paperboy.mail.Delivery;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy digest [--date D] [--weekly] [--dry-run] [--to EMAIL]}: makes the edition of a
 * day (by default the last one due) and sends the outbox, every edition's mails still due included.
 * Running it again sends nothing twice. Exit code 0 when everything due went out, 2 when some mail
 * failed or waits for a later run (the mail server was down), 1 on a fatal error.
 */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Make and send the email digest of a day (default: the last one due). Safe to run again: "
                + "what was sent is not sent twice, what was not is sent now.")
public final class DigestCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the edition's day (a weekday; a Monday with --weekly)")
    String date;

    @Option(names = "--weekly", description = "the weekly edition (Mondays) instead of the daily one")
    boolean weekly;

    @Option(names = "--dry-run", description = "print what would go to whom; send and store nothing")
    boolean dryRun;

    @Option(names = "--to", paramLabel = "EMAIL", description = "send one copy of the edition to this address only, outside the outbox")
    String to;

    @Option(names = "--threads", paramLabel = "N", description = "sender threads, each with its own connection (default: 2)")
    int threads = SendPolicy.DEFAULTS.threads();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Config config = dataOptions.config().withoutSample();
        config.requireMailBaseUrl();
        Frequency kind = weekly ? Frequency.WEEKLY : Frequency.DAILY;
        try (App app = new App(config)) {
            Digests digests = app.digests();
            LocalDate day = date == null ? digests.lastDue(kind) : day(date);
            if (dryRun) {
                digests.dryRun(day, kind, out);
                return 0;
            }
            if (to != null) {
                return copy(digests, day, kind, EmailAddress.of(to), out);
            }
            EditionStore.Created created = digests.prepare(day, kind);
            out.println(created.edition().title() + ": " + Digests.describe(created));
            out.println("sending through " + app.mail().describe() + " ...");
            // Ctrl-C or SIGTERM: the senders stop after the mails in flight and record them, so a rerun resends none.
            AtomicBoolean stopping = new AtomicBoolean();
            SendReport report;
            try (StopSignals.Restore signals = StopSignals.onStop(() -> {
                out.println("stopping after the mails being sent ...");
                out.flush();
                stopping.set(true);
            })) {
                report = digests.send(SendPolicy.DEFAULTS.withThreads(threads), stopping::get);
            }
            out.println(report.summary());
            return report.failed() > 0 || report.waiting() > 0 ? 2 : 0;
        }
    }

    private static int copy(Digests digests, LocalDate day, Frequency kind, EmailAddress to, PrintWriter out) {
        Optional<Delivery> delivery = digests.sendCopy(day, kind, to);
        if (delivery.isEmpty()) {
            out.println("the " + kind.label() + " edition of " + day + " holds no paper for " + to + ": nothing sent");
            return 0;
        }
        out.println("copy to " + to + ": " + delivery.get());
        return delivery.get().isSent() ? 0 : 2;
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date must be YYYY-MM-DD, not \"" + text + "\"");
        }
    }
}
