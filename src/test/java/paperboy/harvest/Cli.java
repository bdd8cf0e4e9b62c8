package paperboy.harvest;

import java.io.PrintWriter;
import java.io.StringWriter;
import paperboy.Paperboy;
import picocli.CommandLine;

/** Runs a {@code paperboy} command in-process and keeps its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        CommandLine cmd = Paperboy.commandLine();
        var out = new StringWriter();
        var err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
