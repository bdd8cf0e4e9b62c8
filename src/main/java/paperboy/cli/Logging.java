package paperboy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The one place that sets up logging beyond logback.xml: java.util.logging (Lucene's) goes to
 * logback in the same one-line format, and Paperboy's loggers take the configured level.
 */
public final class Logging {
    private Logging() {}

    /** Sends java.util.logging records to SLF4J (logback) instead of JUL's own two-line console format. */
    public static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Sets the level of Paperboy's own loggers; {@code level} is one ConfigLoader accepted. */
    static void setLevel(String level) {
        ((Logger) LoggerFactory.getLogger("paperboy")).setLevel(Level.valueOf(level));
    }
}
