package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy subscriber} and {@code paperboy digest} as an operator runs them. */
class SubscriberCommandTest {

    @Test
    void addImportListAndRemoveSubscribers(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "email,frequency,topics\nbob@example.org,weekly,retrieval;cat:cs.CL\nnot-an-address,daily\n"
                + "\"carol@example.org\",,\n");

        Run added = Run.of("subscriber", "add", "--data", data, "--confirmed", "--topic", "diffusion", "Ann@Example.org");
        Run imported = Run.of("subscriber", "import", "--data", data, csv.toString());
        Run listed = Run.of("subscriber", "list", "--data", data);
        Run removed = Run.of("subscriber", "remove", "--data", data, "ann@example.org");
        Run missing = Run.of("subscriber", "remove", "--data", data, "ann@example.org");

        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).contains("ann@example.org  daily  confirmed  topics: diffusion");
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).contains("list.csv:3").contains("not-an-address");
        assertThat(imported.out()).contains("2 subscribers imported");
        assertThat(listed.out()).contains("bob@example.org  weekly  confirmed  topics: retrieval | cat:cs.CL")
                .contains("carol@example.org  daily  confirmed").contains("3 subscribers");
        assertThat(removed.exitCode()).isZero();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(Run.of("subscriber", "list", "--data", data).out()).doesNotContain("ann@").contains("2 subscribers");
    }

    @Test
    void anOperatorCannotGiveAnAddressMoreTopicsThanTheManagePageTakesAndTheOtherLinesAreImported(@TempDir Path dir)
            throws Exception {
        String data = dir.resolve("data").toString();
        Path csv = dir.resolve("list.csv");
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "topic " + i).toList();
        Files.writeString(csv, "ann@example.org,daily," + String.join(";", eleven) + "\nbob@example.org,weekly,retrieval\n");
        List<String> add = new ArrayList<>(List.of("subscriber", "add", "--data", data, "--confirmed", "carol@example.org"));
        eleven.forEach(t -> add.addAll(List.of("--topic", t)));

        Run added = Run.of(add.toArray(String[]::new));
        Run imported = Run.of("subscriber", "import", "--data", data, csv.toString());
        Run listed = Run.of("subscriber", "list", "--data", data);

        assertThat(added.exitCode()).isEqualTo(2);
        assertThat(added.err()).contains("paperboy: carol@example.org would have more than 10 topics");
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).contains("list.csv:1: ann@example.org would have more than 10 topics");
        assertThat(imported.out()).contains("1 subscriber imported (confirmed), 1 line refused");
        assertThat(listed.out()).contains("bob@example.org  weekly  confirmed  topics: retrieval").doesNotContain("ann@")
                .doesNotContain("carol@").contains("1 subscriber\n");
    }

    @Test
    void addingWithoutConfirmationAndSendingADigestNeedTheBaseUrl(@TempDir Path dir) {
        String data = dir.resolve("data").toString();

        Run add = Run.of("subscriber", "add", "--data", data, "ann@example.org");
        Run digest = Run.of("digest", "--data", data, "--dry-run");

        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.err()).contains("PAPERBOY_BASE_URL");
        assertThat(digest.exitCode()).isEqualTo(1);
        assertThat(digest.err()).contains("PAPERBOY_BASE_URL");
    }
}
