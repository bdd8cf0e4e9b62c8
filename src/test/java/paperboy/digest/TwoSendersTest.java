package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;
import paperboy.subscription.Frequency;

/**
 * Two nodes on one store sending the same edition at once, two threads each, claiming batches of
 * five rows: every subscriber gets it once. On PostgreSQL the claims skip each other's locked
 * rows; on SQLite they take turns (and the two nodes' pools race for its one writer).
 */
class TwoSendersTest {

    @StoreTest
    void twoSendersOnOneStoreSendEachSubscriberTheEditionOnce(Database a, StoreUrl store, @TempDir Path dir) throws Exception {
        Recorder mail = new Recorder(DigestWorld.files(dir));
        SendPolicy twoThreads = DigestWorld.FAST.withThreads(2);
        try (Database b = Database.open(store.value());
                DigestWorld nodeA = new DigestWorld(a, dir, mail).featuredOnMonday("Attention", "Diffusion");
                DigestWorld nodeB = new DigestWorld(b, dir, mail)) {
            nodeB.index.catchUp(nodeB.papers);
            nodeA.readers(40);
            long edition = nodeA.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY).edition().id();
            nodeB.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY); // made already: adds nothing

            CompletableFuture<SendReport> sentByA = CompletableFuture.supplyAsync(() -> send(nodeA, twoThreads));
            CompletableFuture<SendReport> sentByB = CompletableFuture.supplyAsync(() -> send(nodeB, twoThreads));
            int sent = sentByA.get().sent() + sentByB.get().sent();

            Map<String, Long> copies = mail.delivered().stream().collect(Collectors.groupingBy(m -> m.to().email(), Collectors.counting()));
            assertThat(sent).isEqualTo(40);
            assertThat(copies).hasSize(40).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        }
    }

    @StoreTest
    void twoRunsOverlappingInOneProcessSendEachSubscriberTheEditionOnce(Database a, @TempDir Path dir) throws Exception {
        // serve's schedule and its 15-minute resend run on one Digests, and a long edition outlasts the 15 minutes.
        Recorder mail = new Recorder(DigestWorld.files(dir));
        SendPolicy twoThreads = DigestWorld.FAST.withThreads(2);
        try (DigestWorld node = new DigestWorld(a, dir, mail).featuredOnMonday("Attention", "Diffusion")) {
            node.readers(40);
            node.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            CompletableFuture<SendReport> first = CompletableFuture.supplyAsync(() -> send(node, twoThreads));
            CompletableFuture<SendReport> second = CompletableFuture.supplyAsync(() -> send(node, twoThreads));
            int sent = first.get().sent() + second.get().sent();

            Map<String, Long> copies = mail.delivered().stream().collect(Collectors.groupingBy(m -> m.to().email(), Collectors.counting()));
            assertThat(sent).isEqualTo(40);
            assertThat(copies).hasSize(40).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        }
    }

    private static SendReport send(DigestWorld node, SendPolicy policy) {
        try {
            return node.digests().send(policy, () -> false);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
