package paperboy.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM, SIGINT and SIGHUP start a command's orderly stop here ({@code serve}, {@code digest}), before the JVM's exit
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

    /** The JVM's own handling again, for the signals {@link #onStop} took. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code stop} on the first of these signals (it runs once however many come), until the
     * returned {@link Restore} is closed. Where a signal cannot be handled (another platform, or the
     * JVM started with {@code -Xrs}) the JVM's default stays, and the caller's shutdown hook (if any)
     * does the stop.
     */
    static Restore onStop(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : STOPPING) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> {
                    if (stopping.compareAndSet(false, true)) {
                        stop.run();
                    }
                }));
            } catch (IllegalArgumentException e) {
                // kept by the JVM here: the shutdown hook stops the app instead
            }
        }
        return () -> previous.forEach(Signal::handle);
    }
}
