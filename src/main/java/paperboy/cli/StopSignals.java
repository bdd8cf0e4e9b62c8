package paperboy.cli;

import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGHUP start {@code serve}'s orderly stop here, before the JVM's exit
 * sequence, instead of the JVM's default of running the shutdown hooks at once. ONNX Runtime
 * closes its native environment in a shutdown hook of its own, which runs beside every other hook:
 * a model still loading then (native session creation cannot be cancelled) crashed the JVM with
 * SIGSEGV and an {@code hs_err} file. Handled here, the app closes first (the embedder's close waits
 * for a load in progress, and nothing loads after it), main returns, and only then does the JVM
 * exit and run the hooks. A signal while the stop runs changes nothing: one stop often brings two
 * (a service manager signals the launcher and Java alike, and the launcher passes its own on), and
 * the stop's waits are bounded anyway; SIGKILL is there for anything else.
 */
final class StopSignals {
    private static final List<String> STOPPING = List.of("TERM", "INT", "HUP");

    private StopSignals() {}

    /**
     * Runs {@code stop} on the first of these signals (it runs once however many come). Where a
     * signal cannot be handled (another platform, or the JVM started with {@code -Xrs}) the JVM's
     * default stays, and the caller's shutdown hook does the stop.
     */
    static void onStop(Runnable stop) {
        for (String name : STOPPING) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // kept by the JVM here: the shutdown hook stops the app instead
            }
        }
    }
}
