package paperboy.bench;

import java.lang.management.ManagementFactory;

/** One line naming the machine a benchmark ran on, printed with every result. */
final class Machine {

    private Machine() {
    }

    static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Page faults this process has taken so far, minor (a page already in memory mapped into the
     * process, as an index file's pages are on first touch) and major (read from disk); zeros where
     * {@code /proc/self/stat} cannot be read.
     */
    static long[] pageFaults() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[7]), Long.parseLong(fields[9])}; // fields 10 and 12 of proc(5)
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static String describe() {
        String cpu = "unknown CPU";
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.split(":", 2)[1].strip()).orElse(cpu);
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the CPU name is a nicety
        }
        return String.format("%d cores (%s), load %.2f, Java %s, %s", Runtime.getRuntime().availableProcessors(), cpu,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version(), System.getProperty("os.name"));
    }
}
