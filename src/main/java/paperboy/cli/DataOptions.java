package paperboy.cli;

import java.nio.file.Path;
import paperboy.config.Config;
import paperboy.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The options every command shares: where the data folder is. Flags win over {@code PAPERBOY_*} variables. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: $PAPERBOY_DATA or ./data)")
    Path data;

    /** The config from the environment (and PAPERBOY_CONFIG file), with the flags; applies its log level. */
    Config config() {
        return config(ConfigLoader.fromSystem());
    }

    Config config(ConfigLoader loader) {
        Config config = loader.load();
        Logging.setLevel(loader.logLevel());
        return data == null ? config : config.withDataDir(data);
    }
}
