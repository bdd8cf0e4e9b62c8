package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;

/**
 * {@code paperboy serve} stopped by SIGTERM as soon as it serves, in a JVM of its own, with the
 * embedding model still loading or embedding the sample, twice (a stop often brings two): it stops
 * in order and exits 0. Before
 * serve handled the signal itself, ONNX Runtime's own shutdown hook freed its native environment
 * under the model's loading and the JVM died with SIGSEGV (exit 134 and an {@code hs_err} file).
 */
class ServeStopTest {
    @Test
    void sigtermWhileTheModelLoadsStopsInOrderEvenWhenItComesTwice(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (App app = new App(new Config(0, data, null, false))) {
            app.loadSampleIfEmpty(); // so that serve starts at once, the model's loading not yet done
        }
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(List.of(javaCommand(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "paperboy.Paperboy",
                "serve", "--port", String.valueOf(freePort()), "--data", data.toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitLine(log, "Paperboy is serving", serve);
            serve.destroy(); // SIGTERM
            serve.destroy(); // and again, as a service manager and the launcher both send one

            assertThat(serve.waitFor(90, TimeUnit.SECONDS)).as("stopped").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("shutting down").doesNotContain("A fatal error has been detected");
            assertThat(serve.exitValue()).as(output).isZero();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
            }
        } finally {
            serve.destroyForcibly();
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitLine(Path log, String line, Process serve) throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!serve.isAlive()) {
                throw new AssertionError("serve ended before it served:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not serve within a minute:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
