package paperboy.cli;

import java.util.concurrent.Callable;
import paperboy.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy reindex}: rebuilds the search index from the store. */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the search index from the store.")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        try (App app = new App(dataOptions.config().withoutSample())) {
            long indexed = app.index().rebuild(app.papers());
            System.out.printf("reindexed %d papers in %.1f s%n", indexed, (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
