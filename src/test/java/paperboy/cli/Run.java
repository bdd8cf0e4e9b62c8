package paperboy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import paperboy.Paperboy;
import picocli.CommandLine;

/**
 * A {@code paperboy} command run in-process as the launcher runs it (with its failure handler),
 * keeping its exit code and what it printed; commands print to System.out and System.err as well
 * as to picocli's writers, so both are captured.
 */
record Run(int exitCode, String out, String err) {
    static Run of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(outStream);
        System.setErr(errStream);
        try {
            CommandLine cmd = Paperboy.commandLine();
            cmd.setOut(new PrintWriter(outStream, true));
            cmd.setErr(new PrintWriter(errStream, true));
            int code = cmd.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }
}
