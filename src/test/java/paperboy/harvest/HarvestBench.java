package paperboy.harvest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.App;
import paperboy.config.Config;
import paperboy.harvest.FakeArxiv.Reply;

/**
 * bench/harvest-bench: harvests synthetic ListRecords pages through {@link FakeArxiv} (delay 0) into
 * a fresh SQLite store and prints records/s for parsing and storing (the index is not caught up).
 * The pages are made in memory from the recorded arXiv-format page
 * (oai-pmh/recorded/ListRecords-arXiv-2015-01-01.xml): its records repeated with new ids
 * (2501.00001, 2501.00002, ...) and the id in the title, so every record is a new paper.
 *
 * <p>Run: {@code bench/harvest-bench [PAGES] [RECORDS_PER_PAGE]} (default 50 x 1000).
 */
public final class HarvestBench {
    private static final Pattern RECORD = Pattern.compile("<record>.*?</record>", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String recorded = new String(Fixtures.bytes(Fixtures.OAI_LAST_PAGE), StandardCharsets.UTF_8);
        var records = RECORD.matcher(recorded).results().map(m -> m.group()).toList();
        String head = recorded.substring(0, recorded.indexOf("<record>"));
        Path dir = Files.createTempDirectory("harvest-bench");

        try (FakeArxiv arxiv = new FakeArxiv()) {
            int n = 0;
            for (int page = 0; page < pages; page++) {
                var body = new StringBuilder(head);
                for (int i = 0; i < perPage; i++, n++) {
                    body.append(renumber(records.get(n % records.size()), "2501.%05d".formatted(n + 1)));
                }
                String token = page == pages - 1 ? "<resumptionToken cursor=\"" + n + "\"/>"
                        : "<resumptionToken cursor=\"" + (n - perPage) + "\">" + (page + 1) + "</resumptionToken>";
                body.append(token).append("</ListRecords>\n</OAI-PMH>\n");
                arxiv.then(new Reply(200, Map.of("Content-Type", "text/xml"), body.toString().getBytes(StandardCharsets.UTF_8),
                        Duration.ZERO, false));
            }
            Config plain = new Config(0, dir, null, false);
            Config config = plain.withArxiv(plain.arxiv().withOaiUrl(arxiv.oaiBase()).withDelay(Duration.ZERO)
                    .withContact("mailto:bench@example.org"));
            try (App app = new App(config)) {
                long started = System.nanoTime();
                HarvestSummary s = app.harvester().harvest("cs", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("harvest-bench: %d records in %d pages of %d, parsed and stored in %.2f s: %.0f records/s%n",
                        s.records(), s.pages(), perPage, seconds, s.records() / seconds);
                System.out.printf("store: %d papers, %.1f MB%n", app.papers().count(),
                        Files.size(dir.resolve("paperboy.db")) / 1e6);
            }
        }
        System.out.printf("machine: %s %s, %d cores, Java %s%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), Runtime.version());
    }

    private static String renumber(String record, String id) {
        return record
                .replaceAll("oai:arXiv.org:[^<]+", Matcher.quoteReplacement("oai:arXiv.org:" + id))
                .replaceAll("<id>[^<]+</id>", Matcher.quoteReplacement("<id>" + id + "</id>"))
                .replaceFirst("<title>", Matcher.quoteReplacement("<title>" + id + " "));
    }
}
