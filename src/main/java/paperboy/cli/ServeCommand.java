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

    @Override
    public Integer call() throws Exception {
        Config config = dataOptions.config();
        if (port != null) {
            config = config.withPort(port);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (App app = new App(config)) {
            app.prepare();
            Javalin web = app.web().start(config.port());
            app.followStore();
            app.scheduleHarvest();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("shutting down");
                web.stop();
                stopped.countDown();
            }, "shutdown"));
            log.info("Paperboy is serving {} at http://localhost:{}/", config.dataDir(), web.port());
            stopped.await();
        }
        return 0;
    }
}
