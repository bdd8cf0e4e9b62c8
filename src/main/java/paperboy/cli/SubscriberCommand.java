package paperboy.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import paperboy.StoreOnly;
import paperboy.config.Config;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.Subscriber;
import paperboy.subscription.Subscriptions;
import paperboy.subscription.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy subscriber add | import | list | remove}: the digest's subscribers, for operators
 * moving an existing list. Works on the store alone, so it runs beside a {@code paperboy serve}.
 * Exit code 0, or 2 when an address or a line was refused (each is named), 1 on a fatal error.
 */
@Command(name = "subscriber", mixinStandardHelpOptions = true, description = "Add, import, list or remove digest subscribers.",
        subcommands = {SubscriberCommand.Add.class, SubscriberCommand.Import.class, SubscriberCommand.ListAll.class,
                SubscriberCommand.Remove.class})
public final class SubscriberCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code subscriber add EMAIL... [--weekly] [--topic QUERY]... [--confirmed]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add addresses. Without --confirmed each gets a confirmation mail (double opt-in; needs PAPERBOY_BASE_URL).")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Parameters(paramLabel = "EMAIL", arity = "1..*")
        List<String> emails;

        @Option(names = "--weekly", description = "the weekly digest (Mondays) instead of the daily one")
        boolean weekly;

        @Option(names = "--topic", paramLabel = "QUERY",
                description = "a topic (any search); repeatable, up to " + Topic.MAX_PER_SUBSCRIBER + " an address")
        List<String> topics = new ArrayList<>();

        @Option(names = "--confirmed", description = "confirmed at once, without a confirmation mail (they confirmed elsewhere)")
        boolean confirmed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Config config = dataOptions.config();
            if (!confirmed) {
                config.requireMailBaseUrl();
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Topic> parsed = topics.stream().map(Topic::new).toList();
            int refused = 0;
            try (StoreOnly store = new StoreOnly(config)) {
                Subscriptions subscriptions = store.subscriptions();
                for (String email : emails) {
                    try {
                        Subscriber s = subscriptions.add(EmailAddress.of(email), weekly ? Frequency.WEEKLY : Frequency.DAILY, parsed,
                                confirmed);
                        out.println(line(s, subscriptions.topics(s)));
                    } catch (EmailAddress.InvalidEmail | Topic.TooMany e) {
                        err.println("paperboy: " + e.getMessage());
                        refused++;
                    }
                }
            }
            return refused == 0 ? 0 : 2;
        }
    }

    /**
     * {@code subscriber import FILE.csv}: one address a line, {@code email[,daily|weekly[,topic;topic...]]};
     * a first line naming the columns ({@code email,...}) is passed over. Imported as confirmed: an
     * existing list moves over as it is.
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSV file: email[,daily|weekly[,topic;topic...]] per line, confirmed (an existing list).")
    static final class Import implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Parameters(paramLabel = "FILE.csv", arity = "1")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int added = 0;
            int refused = 0;
            try (StoreOnly store = new StoreOnly(dataOptions.config()); BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Subscriptions subscriptions = store.subscriptions();
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank() || (number == 1 && line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("email"))) {
                        continue;
                    }
                    try {
                        String[] cells = line.split(",", 3);
                        Frequency frequency = cells.length > 1 && !cells[1].isBlank() ? Frequency.parse(unquote(cells[1])) : Frequency.DAILY;
                        List<Topic> topics = cells.length > 2 ? Arrays.stream(unquote(cells[2]).split(";"))
                                .filter(t -> !t.isBlank()).map(Topic::new).toList() : List.of();
                        subscriptions.add(EmailAddress.of(unquote(cells[0])), frequency, topics, true);
                        added++;
                    } catch (IllegalArgumentException e) {
                        err.println("paperboy: " + file + ":" + number + ": " + e.getMessage());
                        refused++;
                    }
                }
            }
            out.println(count(added, "subscriber") + " imported (confirmed)" + (refused > 0 ? ", " + count(refused, "line") + " refused" : ""));
            return refused == 0 ? 0 : 2;
        }

        private static String unquote(String cell) {
            String s = cell.strip();
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
        }
    }

    /** {@code subscriber list}: every subscriber, one a line. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List subscribers: email, frequency, state, bounces, topics.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StoreOnly store = new StoreOnly(dataOptions.config())) {
                Subscriptions subscriptions = store.subscriptions();
                long[] count = new long[1];
                subscriptions.store().forEachWithTopics((s, topics) -> {
                    out.println(line(s, topics));
                    count[0]++;
                });
                out.println(count[0] + (count[0] == 1 ? " subscriber" : " subscribers"));
            }
            return 0;
        }
    }

    /** {@code subscriber remove EMAIL}: forgets the address, its topics and tokens. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscriber and everything kept about them.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Parameters(paramLabel = "EMAIL", arity = "1..*")
        List<String> emails;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int missing = 0;
            try (StoreOnly store = new StoreOnly(dataOptions.config())) {
                Subscriptions subscriptions = store.subscriptions();
                for (String email : emails) {
                    EmailAddress address;
                    try {
                        address = EmailAddress.of(email);
                    } catch (EmailAddress.InvalidEmail e) {
                        err.println("paperboy: " + e.getMessage());
                        missing++;
                        continue;
                    }
                    if (subscriptions.store().remove(address)) {
                        out.println("removed " + address);
                    } else {
                        err.println("paperboy: no subscriber " + address);
                        missing++;
                    }
                }
            }
            return missing == 0 ? 0 : 2;
        }
    }

    static String line(Subscriber s, List<String> topics) {
        return s.email() + "  " + s.frequency().label() + "  " + s.state().label()
                + (s.bounces() > 0 ? " (" + s.bounces() + " bounces)" : "")
                + (topics.isEmpty() ? "" : "  topics: " + String.join(" | ", topics));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
