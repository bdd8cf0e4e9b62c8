package paperboy.bench;

import java.lang.management.ManagementFactory;

/** One line naming the machine a benchmark ran on, printed with every result. */
final class Machine {

    private Machine() {
    }

    static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
