package paperboy.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.App;
import paperboy.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy serve}: opens the store and index (loading the sample into an empty store) and serves HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site and the API.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--port", description = "HTTP port (default: $PAPERBOY_PORT or 7070)")
    Integer port;

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Integer call() throws Exception {
        Config config = dataOptions.config();
        if (port != null) {
            config = config.withPort(port);
        }
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (App app = new App(config)) {
            // The store is ready before the first request; the index catches up in the background
            // (on a restart that is the few writes since the last commit, so search is current at once).
            app.loadSampleIfEmpty();
            Javalin web = app.web().start(config.port());
            app.followStore(java.time.Duration.ofSeconds(2));
            app.embedInBackground(java.time.Duration.ofSeconds(5));
            app.scheduleHarvest();
            // On SIGTERM / Ctrl-C: stop taking requests, let in-flight ones finish (Jetty's stop),
            // then wait until the index and store are closed before the JVM halts.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("shutting down");
                web.stop();
                stopping.countDown();
                awaitQuietly(closed);
            }, "shutdown"));
            log.info("Paperboy is serving {} at http://localhost:{}/", config.dataDir(), web.port());
            stopping.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
