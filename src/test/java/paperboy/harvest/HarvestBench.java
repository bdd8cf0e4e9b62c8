package paperboy.harvest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.App;
import paperboy.config.Config;
import paperboy.harvest.FakeArxiv.Reply;
import paperboy.paper.Paper;

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

        List<byte[]> bodies = pages(pages, perPage, head, records);
        try (FakeArxiv arxiv = new FakeArxiv()) {
            for (byte[] body : bodies) {
                arxiv.then(new Reply(200, Map.of("Content-Type", "text/xml"), body, Duration.ZERO, false));
            }
            Config plain = new Config(0, dir, null, false);
            Config config = plain.withArxiv(plain.arxiv().withOaiUrl(arxiv.oaiBase()).withDelay(Duration.ZERO)
                    .withContact("mailto:bench@example.org"));
            try (App app = new App(config)) {
                // What app.harvester() runs, with the store's side timed on its own.
                var store = new TimedSink(app.harvestLog());
                var harvest = new Harvest(new ArxivOai(arxiv.oaiBase(), app.arxivHttp()), OaiRequest.ARXIV, store,
                        Clock.systemUTC());
                long started = System.nanoTime();
                HarvestSummary s = harvest.run(HarvestCheckpoint.start("cs", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 1, 31)));
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("harvest-bench: %d records in %d pages of %d, parsed and stored in %.2f s: %.0f records/s%n",
                        s.records(), s.pages(), perPage, seconds, s.records() / seconds);
                System.out.printf("  of which storing (page + checkpoint transactions) %.2f s, fetching and parsing %.2f s%n",
                        store.seconds, seconds - store.seconds);
                System.out.printf("  parsing alone, again after the run (warm): %.2f s%n", parseAll(bodies));
                System.out.printf("store: %d papers, %.1f MB%n", app.papers().count(),
                        Files.size(dir.resolve("paperboy.db")) / 1e6);
            }
        }
        System.out.printf("machine: %s %s, %d cores, Java %s%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), Runtime.version());
    }

    private static List<byte[]> pages(int pages, int perPage, String head, List<String> records) {
        List<byte[]> bodies = new ArrayList<>();
        int n = 0;
        for (int page = 0; page < pages; page++) {
            var body = new StringBuilder(head);
            for (int i = 0; i < perPage; i++, n++) {
                body.append(renumber(records.get(n % records.size()), "2501.%05d".formatted(n + 1)));
            }
            String token = page == pages - 1 ? "<resumptionToken cursor=\"" + n + "\"/>"
                    : "<resumptionToken cursor=\"" + (n - perPage) + "\">" + (page + 1) + "</resumptionToken>";
            body.append(token).append("</ListRecords>\n</OAI-PMH>\n");
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static double parseAll(List<byte[]> bodies) throws ArxivResponseException {
        long started = System.nanoTime();
        for (byte[] body : bodies) {
            OaiXml.parse(body, "bench");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The store's sink, with the time spent in it added up. */
    private static final class TimedSink implements HarvestSink {
        private final HarvestSink sink;
        private double seconds;

        TimedSink(HarvestSink sink) {
            this.sink = sink;
        }

        @Override
        public void store(List<Paper> papers, List<OaiRecord.Deleted> deleted, HarvestCheckpoint next) {
            long started = System.nanoTime();
            sink.store(papers, deleted, next);
            seconds += (System.nanoTime() - started) / 1e9;
        }
    }

    private static String renumber(String record, String id) {
        return record
                .replaceAll("oai:arXiv.org:[^<]+", Matcher.quoteReplacement("oai:arXiv.org:" + id))
                .replaceAll("<id>[^<]+</id>", Matcher.quoteReplacement("<id>" + id + "</id>"))
                .replaceFirst("<title>", Matcher.quoteReplacement("<title>" + id + " "));
    }
}
