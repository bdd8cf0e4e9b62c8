package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.db.Statements;
import paperboy.db.StoreTest;
import paperboy.subscription.Frequency;

/** {@code paperboy digest --dry-run}: what each subscriber would get, at a cost in queries that does not grow with them. */
class DryRunTest {

    @StoreTest
    void aDryRunPrintsWhatEachReaderOfTheKindWouldGetInAsManyQueriesForTwentyAsForTwo(Database db, @TempDir Path dir)
            throws Exception {
        try (DigestWorld world = new DigestWorld(db, dir, DigestWorld.files(dir)).featuredOnMonday("Attention", "Diffusion")) {
            world.store(paperboy.paper.PaperBuilder.paper("2611.05001").title("Diffusion for proteins").published("2026-11-30").update());
            world.confirmed("ann@example.org", Frequency.DAILY, "diffusion", "attention");
            world.confirmed("bob@example.org", Frequency.DAILY);
            world.confirmed("weekly@example.org", Frequency.WEEKLY, "diffusion");
            Statements statements = Statements.countedOn(db.jdbi());
            dryRun(world); // the edition's parts, made once and kept, are not what is counted

            StringWriter two = new StringWriter();
            int forTwo = statements.during(() -> world.digests().dryRun(DigestWorld.TUESDAY, Frequency.DAILY, new PrintWriter(two)));
            IntStream.rangeClosed(1, 18).forEach(i -> world.confirmed("reader" + i + "@example.org", Frequency.DAILY, "diffusion"));
            int forTwenty = statements.during(() -> dryRun(world));

            assertThat(two.toString()).contains("send  ann@example.org  2 trending, 1 for 2 topics")
                    .contains("send  bob@example.org  2 trending\n").doesNotContain("weekly@").contains("2 would be sent, 0 skipped");
            assertThat(forTwenty).isEqualTo(forTwo);
        }
    }

    private static void dryRun(DigestWorld world) {
        world.digests().dryRun(DigestWorld.TUESDAY, Frequency.DAILY, new PrintWriter(new StringWriter()));
    }
}
