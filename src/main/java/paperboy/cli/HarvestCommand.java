package paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import paperboy.App;
import paperboy.config.Config;
import paperboy.harvest.HarvestSummary;
import paperboy.harvest.Harvester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy harvest}: harvests arXiv OAI-PMH sets into the store, resuming an interrupted
 * harvest from its checkpoint. Exit code 0 on success, 1 when a request failed (the message names
 * it; what was stored stays, and the next run resumes after it).
 */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Harvest arXiv metadata over OAI-PMH (resumes where the last run stopped).")
public final class HarvestCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArxivOptions arxivOptions;

    @Option(names = "--set", paramLabel = "SET",
            description = "OAI set, e.g. cs or physics:hep-th; repeatable (default: $PAPERBOY_HARVEST_SETS, else all of arXiv)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "first day (default: where the last harvest of the set ended, else yesterday)")
    LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "last day (default: up to now)")
    LocalDate until;

    @Option(names = "--base-url", paramLabel = "URL", description = "OAI-PMH endpoint (default: $PAPERBOY_OAI_URL)")
    URI baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("--from " + from + " is after --until " + until);
        }
        Config config = arxivOptions.apply(dataOptions.config().withoutSample(), baseUrl, null);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = !sets.isEmpty() ? sets
                : config.arxiv().harvestSets().isEmpty() ? java.util.Collections.singletonList(null)
                : config.arxiv().harvestSets();
        try (App app = new App(config)) {
            Harvester harvester = app.harvester();
            var total = new Total();
            try {
                for (String set : chosen) {
                    err.println("harvesting " + (set == null ? "all of arXiv" : "set " + set) + " from "
                            + config.arxiv().oaiUrl() + " ...");
                    err.flush();
                    total.add(harvester.harvest(set, from, until));
                }
            } catch (IOException e) {
                err.println("paperboy: harvest failed: " + e.getMessage());
                err.println("paperboy: " + total.records + " papers stored before the failure; run again to resume");
                return 1;
            } finally {
                long indexed = app.index().catchUp(app.papers());
                err.println("search index: " + indexed + " papers indexed");
            }
            out.printf("harvested %d papers (%d deleted, %d featured automatically) in %d pages in %.1f s%n",
                    total.records, total.deleted, harvester.featured(), total.pages, total.elapsed.toMillis() / 1000.0);
            return 0;
        }
    }

    private static final class Total {
        int pages;
        int records;
        int deleted;
        Duration elapsed = Duration.ZERO;

        void add(HarvestSummary s) {
            pages += s.pages();
            records += s.records();
            deleted += s.deleted();
            elapsed = elapsed.plus(s.elapsed());
        }
    }
}
