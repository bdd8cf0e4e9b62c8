package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import paperboy.config.ConfigLoader;

/** The log as the commands set it up: the configured level of Paperboy's loggers, and Lucene's JUL lines in logback. */
class LoggingTest {
    private static final Logger PAPERBOY = (Logger) LoggerFactory.getLogger("paperboy");

    @Test
    void theLogLevelOfThePaperboyConfigFileIsApplied(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("paperboy.properties");
        Files.writeString(file, "PAPERBOY_LOG_LEVEL=DEBUG\n");
        var level = PAPERBOY.getLevel();
        try {
            new DataOptions().config(new ConfigLoader(Map.of("PAPERBOY_CONFIG", file.toString())));

            assertThat(LoggerFactory.getLogger("paperboy.search.PaperIndex").isDebugEnabled()).isTrue();
        } finally {
            PAPERBOY.setLevel(level);
        }
    }

    @Test
    void javaUtilLoggingGoesToLogback() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        try {
            Logging.routeJavaUtilLogging();
            java.util.logging.Logger.getLogger("org.apache.lucene.test").warning("a line from Lucene");

            assertThat(events.list).anySatisfy(e -> {
                assertThat(e.getLoggerName()).isEqualTo("org.apache.lucene.test");
                assertThat(e.getFormattedMessage()).isEqualTo("a line from Lucene");
            });
        } finally {
            root.detachAppender(events);
        }
    }
}
