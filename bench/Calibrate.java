// bench/Calibrate.java: a fixed single-threaded CPU loop, to tell how fast the machine a benchmark
// ran on is. Run: $JAVA_HOME/bin/java bench/Calibrate.java   (prints seconds per round; lower is faster)
// Quote it next to other figures so that runs on different machines can be compared.
public class Calibrate {
    public static void main(String[] args) {
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            long x = 0;
            for (long i = 0; i < 2_000_000_000L; i++) {
                x += i * i ^ (x >>> 3);
            }
            System.out.printf("round %d: %.2f s (checksum %d)%n", round, (System.nanoTime() - started) / 1e9, x);
        }
    }
}
