package paperboy.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** {@code work}, run by the first caller only. */
    private static Runnable once(Runnable work) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                work.run();
            }
        };
    }

    /** The web server on {@code port}; a port in use is told in one line, not a stack trace. */
    private static Javalin start(App app, int port) throws IOException {
        try {
            return app.web().start(port);
        } catch (JavalinBindException e) {
            throw new IOException("port " + port + " is in use (another `paperboy serve`?); choose another with --port "
                    + "or PAPERBOY_PORT", e);
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
            Javalin web = start(app, config.port());
            app.followStore(java.time.Duration.ofSeconds(2));
            app.mergeIndexWhenQuiet(java.time.Duration.ofMinutes(5));
            app.embedInBackground(java.time.Duration.ofSeconds(5));
            app.sweepSessions(java.time.Duration.ofHours(1));
            app.scheduleHarvest();
            app.scheduleDigest();
            // On SIGTERM / Ctrl-C: stop taking requests, let in-flight ones finish (Jetty's stop),
            // then close the app (index, store, model) before the JVM exits: the signal starts it
            // (StopSignals), and the shutdown hook, for any other way the JVM exits, waits for it.
            Runnable stop = once(() -> {
                // At once, before Jetty's stop: the batch being embedded is the last.
                if (app.embeddingWorker() != null) {
                    app.embeddingWorker().stop();
                }
                log.info("shutting down");
                web.stop();
                stopping.countDown();
            });
            StopSignals.onStop(stop);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.run();
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
