package paperboy;

import paperboy.cli.EvalCommand;
import paperboy.cli.FetchCommand;
import paperboy.cli.HarvestCommand;
import paperboy.cli.ImportCommand;
import paperboy.cli.Logging;
import paperboy.cli.ReindexCommand;
import paperboy.cli.ServeCommand;
import paperboy.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Paperboy's command line: {@code paperboy serve | import | harvest | fetch | reindex | eval | user}. Run it through the
 * {@code ./paperboy} launcher, which builds the jar first when needed.
 */
@Command(name = "paperboy", mixinStandardHelpOptions = true, version = "Paperboy 0.1.0",
        description = "A self-hostable daily research-paper feed.",
        subcommands = {ServeCommand.class, ImportCommand.class, HarvestCommand.class, FetchCommand.class,
                ReindexCommand.class, EvalCommand.class, UserCommand.class})
public final class Paperboy implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.routeJavaUtilLogging(); // before Lucene's first log line
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Paperboy())
                .setExecutionExceptionHandler(new paperboy.cli.Failures());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
