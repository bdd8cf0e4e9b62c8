package paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (Bouncy Castle), stored as a PHC string that names its parameters:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (Base64 without padding). A stored hash made
 * with other parameters still verifies, and {@link #needsRehash} tells the login to store a new one.
 *
 * <p>Each hash holds a core and {@code m} KiB of memory for tens of milliseconds, so at most
 * {@code concurrency} run at once (a semaphore); the rest wait, for at most {@link #QUEUE_WAIT},
 * without holding a core (a waiting virtual thread gives its carrier back). A flood of logins thus
 * queues instead of taking every core from the pages.
 */
public final class Passwords {
    /** How long a hash may wait for its turn before the request is refused as busy. */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(10);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * Argon2id cost: memory in KiB, iterations, lanes. The default is OWASP's first choice
     * (19 MiB, 2 iterations, 1 lane).
     */
    public record Cost(int memoryKib, int iterations, int parallelism) {
        public static final Cost DEFAULT = new Cost(19_456, 2, 1);

        public Cost {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("an Argon2id cost needs m >= 8p, t >= 1, p >= 1");
            }
        }

        String phc() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    /** Thrown when hashing waited {@link #QUEUE_WAIT} for its turn: the server is flooded with logins. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Too many log-ins at once; try again in a few seconds.");
        }
    }

    private final Cost cost;
    private final Semaphore turns;
    private final Duration queueWait;

    /** @param concurrency how many hashes may run at once (one per two cores is a fair share) */
    public Passwords(Cost cost, int concurrency) {
        this(cost, new Semaphore(Math.max(1, concurrency), true), QUEUE_WAIT);
    }

    /** With the turns and the wait given (a test takes every turn to see the refusal). */
    Passwords(Cost cost, Semaphore turns, Duration queueWait) {
        this.cost = cost;
        this.turns = turns;
        this.queueWait = queueWait;
    }

    /** The default cost, with one hash at a time per two cores. */
    public static Passwords forThisMachine() {
        return new Passwords(Cost.DEFAULT, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = Secrets.randomBytes(SALT_BYTES);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$" + cost.phc() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * True when {@code password} matches {@code stored} (a PHC string from {@link #hash}); false for a
     * null or malformed stored value. Compared in constant time.
     */
    public boolean verify(String password, String stored) {
        Phc phc = Phc.parse(stored);
        if (phc == null) {
            return false;
        }
        byte[] candidate = derive(password, phc.salt(), phc.cost(), phc.hash().length);
        return MessageDigest.isEqual(candidate, phc.hash());
    }

    /**
     * Hashes a password nobody has, so that a log-in for an unknown email costs what one for a
     * known email costs (the time of the answer says nothing).
     */
    public void spendOnNobody(String password) {
        derive(password, new byte[SALT_BYTES], cost, HASH_BYTES);
    }

    /** True when {@code stored} was made with another cost than the current one. */
    public boolean needsRehash(String stored) {
        Phc phc = Phc.parse(stored);
        return phc == null || !phc.cost().equals(cost);
    }

    private byte[] derive(String password, byte[] salt, Cost with, int length) {
        try {
            if (!turns.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(with.memoryKib())
                    .withIterations(with.iterations())
                    .withParallelism(with.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            return out;
        } finally {
            turns.release();
        }
    }

    /** A parsed PHC string of Argon2id, version 19. */
    private record Phc(Cost cost, byte[] salt, byte[] hash) {
        static Phc parse(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int m = 0, t = 0, p = 0;
                for (String pair : parts[3].split(",")) {
                    String[] kv = pair.split("=", 2);
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> { return null; }
                    }
                }
                return new Phc(new Cost(m, t, p), B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
