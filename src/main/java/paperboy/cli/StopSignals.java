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
 * exit and run the hooks. A second signal while the stop runs ends the process at once.
 */
final class StopSignals {
    private static final List<String> STOPPING = List.of("TERM", "INT", "HUP");

    private StopSignals() {}

    /**
     * Runs {@code stop} on the first of these signals, and halts on the next. Where a signal cannot
     * be handled (another platform, or the JVM started with {@code -Xrs}) the JVM's default stays,
     * and the caller's shutdown hook does the stop.
     */
    static void onStop(Runnable stop, Runnable atOnce) {
        boolean[] stopping = {false};
        for (String name : STOPPING) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    boolean again;
                    synchronized (stopping) {
                        again = stopping[0];
                        stopping[0] = true;
                    }
                    if (again) {
                        atOnce.run();
                    } else {
                        stop.run();
                    }
                });
            } catch (IllegalArgumentException e) {
                // kept by the JVM here: the shutdown hook stops the app instead
            }
        }
    }
}
