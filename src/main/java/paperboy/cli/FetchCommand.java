package paperboy.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import paperboy.App;
import paperboy.harvest.PaperFetcher;
import paperboy.paper.ArxivId;
import paperboy.paper.InvalidArxivId;
import paperboy.paper.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy fetch ID...}: adds papers by arXiv id through the arXiv API; papers already in
 * the store are answered from it without a request unless {@code --refresh}. Exit code 0 when every
 * id was found, 2 for a malformed id or one arXiv does not know, 1 when arXiv could not be reached.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Add or refresh papers by arXiv id, from the arXiv API.")
public final class FetchCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Mixin
    ArxivOptions arxivOptions;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "arXiv ids or links, e.g. 2106.09685 or arXiv:1706.03762v5")
    List<String> ids;

    @Option(names = "--refresh", description = "ask arXiv even for papers the store already has")
    boolean refresh;

    @Option(names = "--base-url", paramLabel = "URL", description = "arXiv API endpoint (default: $PAPERBOY_ARXIV_API_URL)")
    URI baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ArxivId> parsed = new ArrayList<>();
        for (String raw : ids) {
            try {
                parsed.add(ArxivId.parse(raw));
            } catch (InvalidArxivId e) {
                err.println("paperboy: " + e.getMessage());
                return 2;
            }
        }
        try (App app = new App(arxivOptions.apply(dataOptions.config().withoutSample(), null, baseUrl))) {
            PaperFetcher.Report report = app.fetcher().fetch(parsed, refresh);
            report.fromStore().forEach(p -> out.println("in store  " + line(p)));
            report.fetched().forEach(p -> out.println("fetched   " + line(p)));
            report.notFound().forEach(id -> err.println("paperboy: arXiv has no paper " + id.value()));
            if (!report.fetched().isEmpty()) {
                app.index().catchUp(app.papers());
            }
            return report.notFound().isEmpty() ? 0 : 2;
        }
    }

    private static String line(Paper p) {
        return p.id().value() + (p.version() > 0 ? "v" + p.version() : "") + "  " + p.title();
    }
}
