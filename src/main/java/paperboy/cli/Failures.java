package paperboy.cli;

import paperboy.config.ConfigException;
import paperboy.search.IndexInUse;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one clear line on stderr and exit code 1; stack traces only for bugs. */
public final class Failures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof ConfigException || e instanceof IndexInUse || e instanceof java.io.IOException
                || e instanceof IllegalArgumentException) {
            cmd.getErr().println("paperboy: " + e.getMessage());
        } else {
            cmd.getErr().println("paperboy: unexpected failure: " + e);
            e.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
