package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.paper.Paper;

/**
 * What one line of the arXiv snapshot becomes: a paper, or a rejection and why. Pins the odd cases
 * (values of another JSON type, keys given twice, text after the object, broken bytes) as the reader
 * handles them (a JSON tree per line), so that another reader would have to keep every result and
 * message. A token-stream reader was tried: no faster end to end, since cleaning the text costs more.
 */
class KaggleFormatTest {
    private static final String ID_AND_TITLE = "\"id\":\"0704.0001\",\"title\":\"T\"";
    private static final String NOT_AN_ID = "; expected e.g. 2608.19880, 0704.0001 or hep-th/9901001, optionally with a"
            + " version (v2), an arXiv: prefix or an arxiv.org / huggingface.co/papers link";

    private final KaggleFormat format = new KaggleFormat(new ObjectMapper());

    @Test
    void aSnapshotLineBecomesAPaperWithItsCleanedFields() {
        Paper paper = paper("{\"id\":\"0704.0001\",\"submitter\":\"Pavel Nadolsky\","
                + "\"authors\":\"C. Bal\\\\'azs, E. L. Berger\",\"title\":\"Calculation of prompt\\n  diphoton\","
                + "\"comments\":\"37 pages,\\n 15 figures\",\"journal-ref\":\"Phys.Rev.D76:013009,2007\","
                + "\"doi\":\"10.1103/PhysRevD.76.013009\",\"report-no\":\"ANL-HEP-PR-07-12\",\"categories\":\"hep-ph math.CA hep-ph\","
                + "\"license\":null,\"abstract\":\"  A fully\\ndifferential calculation \","
                + "\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"},"
                + "{\"version\":\"v2\",\"created\":\"Tue, 24 Jul 2007 20:10:27 GMT\"}],\"update_date\":\"2008-11-13\","
                + "\"authors_parsed\":[[\"Balázs\",\"C.\",\"\"],[\"Berger\",\"E. L.\",\"Jr\"]]}");

        assertThat(paper.id().value()).isEqualTo("0704.0001");
        assertThat(paper.version()).isEqualTo(2);
        assertThat(paper.title()).isEqualTo("Calculation of prompt diphoton");
        assertThat(paper.summary()).isEqualTo("A fully differential calculation");
        assertThat(paper.authors()).containsExactly("C. Balázs", "E. L. Berger Jr");
        assertThat(paper.categories()).containsExactly("hep-ph", "math.CA");
        assertThat(paper.publishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
        assertThat(paper.updatedAt()).isEqualTo(Instant.parse("2008-11-13T00:00:00Z"));
        assertThat(paper.bibliography()).isEqualTo(new Paper.Bibliography("10.1103/PhysRevD.76.013009",
                "Phys.Rev.D76:013009,2007", "37 pages, 15 figures", null));
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() {
        for (String line : List.of("[1,2]", "null", "1", "\"s\"", "true")) {
            assertThat(rejection(line)).as(line).isEqualTo("a line must be a JSON object");
        }
    }

    @Test
    void aLineThatIsNotAnObjectAndBrokenTooIsBrokenJson() {
        assertThat(rejection("[1,x")).startsWith("broken JSON: Unrecognized token 'x'");
        assertThat(rejection("\"abc")).isEqualTo("broken JSON: Unexpected end-of-input in VALUE_STRING");
        assertThat(rejection("1x")).isEqualTo(
                "broken JSON: Unexpected character ('x' (code 120)): Expected space separating root-level values");
    }

    @Test
    void whatFollowsTheObjectOnItsLineIsIgnored() {
        assertThat(paper("{" + ID_AND_TITLE + "} x").title()).isEqualTo("T");
        assertThat(paper("{" + ID_AND_TITLE + "}{").title()).isEqualTo("T");
        assertThat(rejection("{}x")).isEqualTo("missing id");
    }

    @Test
    void aByteOrderMarkBeforeTheObjectIsSkippedButAloneIsBrokenJson() {
        assertThat(paper("\uFEFF{" + ID_AND_TITLE + "}").title()).isEqualTo("T");
        assertThat(rejection("\uFEFF")).startsWith("broken JSON: Unexpected character ('\uFEFF' (code 65279 / 0xfeff))");
    }

    @Test
    void brokenJsonIsRejectedWithJacksonsMessageAndTheRestOfTheChunkGoesOn() {
        Step.Batch batch = parse("{" + ID_AND_TITLE + ",}", "", "  \t", "{" + ID_AND_TITLE + "",
                "{" + ID_AND_TITLE + ",\"submitter\":\"x", "{" + ID_AND_TITLE + ",\"x\":NaN}", "{" + ID_AND_TITLE + "}");

        assertThat(batch.rejections()).extracting(Rejection::where).containsExactly("f:1", "f:4", "f:5", "f:6");
        assertThat(batch.rejections().get(0).reason()).isEqualTo(
                "broken JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
        assertThat(batch.rejections().get(1).reason()).startsWith(
                "broken JSON: Unexpected end-of-input: expected close marker for Object");
        assertThat(batch.rejections().get(2).reason()).isEqualTo("broken JSON: Unexpected end-of-input in VALUE_STRING");
        assertThat(batch.rejections().get(3).reason()).startsWith("broken JSON: Non-standard token 'NaN'");
        assertThat(batch.updates()).hasSize(1);
        assertThat(batch.records()).isEqualTo(5);
    }

    @Test
    void brokenBytesAreBrokenJsonEvenInAFieldNotRead() {
        assertThat(rejection(bytes("{\"id\":\"", 0xC3, "x\"}"))).isEqualTo("broken JSON: Invalid UTF-8 middle byte 0x78");
        assertThat(rejection(bytes("{\"submitter\":\"", 0xFF, "\"}"))).isEqualTo("broken JSON: Invalid UTF-8 start byte 0xff");
        assertThat(rejection(bytes("{" + ID_AND_TITLE + ",\"submitter\":\"", 0xED, 0xA0, 0x80, "\"}")))
                .isEqualTo("broken JSON: Invalid UTF-8: Illegal surrogate character 0xd800");
        assertThat(rejection(bytes("{" + ID_AND_TITLE + ",\"x\":[{\"y\":\"", 0xED, 0xA0, 0x80, "\"}]}")))
                .isEqualTo("broken JSON: Invalid UTF-8: Illegal surrogate character 0xd800");
        assertThat(rejection("{" + ID_AND_TITLE + ",\"report-no\":\"" + "a".repeat(20_000_001) + "\"}"))
                .startsWith("broken JSON: String value length (20000001) exceeds the maximum allowed (20000000");
    }

    @Test
    void anIdIsNeededAndATitleAfterIt() {
        assertThat(rejection("{\"title\":\"T\"}")).isEqualTo("missing id");
        assertThat(rejection("{\"id\":null,\"title\":\"T\"}")).isEqualTo("missing id");
        assertThat(rejection("{\"id\":\" \\n \",\"title\":\"T\"}")).isEqualTo("missing id");
        assertThat(rejection("{\"id\":\"0704.0001\"}")).isEqualTo("missing title for 0704.0001");
        assertThat(rejection("{\"id\":\"0704.0001\",\"title\":null}")).isEqualTo("missing title for 0704.0001");
        assertThat(rejection("{\"id\":\"0704.0001\",\"title\":\" \\n \"}")).isEqualTo("missing title for 0704.0001");
        assertThat(rejection("{\"id\":\"bad\"}")).isEqualTo("missing title for bad");
        assertThat(rejection("{\"id\":\"bad\",\"title\":\"T\"}")).isEqualTo("not an arXiv id: \"bad\"" + NOT_AN_ID);
    }

    @Test
    void aValueThatIsNotAStringIsReadAsItsJsonText() {
        assertThat(rejection("{\"id\":704.0001,\"title\":\"T\"}")).isEqualTo("not an arXiv id: \"704.0001\"" + NOT_AN_ID);
        assertThat(paper("{\"id\":\"0704.0001\",\"title\":5}").title()).isEqualTo("5");
        assertThat(paper("{\"id\":\"0704.0001\",\"title\":[\"a\", 1]}").title()).isEqualTo("[\"a\",1]");
        assertThat(paper("{\"id\":\"0704.0001\",\"title\":{\"a\":\"x\\\"y\"}}").title()).isEqualTo("{\"a\":\"x\\\"y\"}");
        assertThat(paper("{" + ID_AND_TITLE + ",\"doi\":-0.0,\"license\":true,\"comments\":[1,{}],\"journal-ref\":1e400}")
                .bibliography()).isEqualTo(new Paper.Bibliography("-0.0", "\"Infinity\"", "[1,{}]", "true"));
        assertThat(paper("{" + ID_AND_TITLE + ",\"authors\":[\"A\",\"B\"]}").authors()).containsExactly("[\"A\"", "\"B\"]");
        assertThat(paper("{" + ID_AND_TITLE + ",\"x\":1e99999999999,\"y\":12345678901234567890123}").title()).isEqualTo("T");
    }

    @Test
    void aKeyGivenTwiceKeepsItsLastValue() {
        Paper paper = paper("{\"id\":\"bad\",\"id\":\"0704.0001\",\"title\":\"T\",\"title\":\"U\","
                + "\"versions\":[{\"created\":\"junk\"}],\"versions\":[{\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\","
                + "\"created\":null}],\"authors_parsed\":[[\"A\",\"B\"]],\"authors_parsed\":null,\"authors\":\"C D\"}");

        assertThat(paper.id().value()).isEqualTo("0704.0001");
        assertThat(paper.title()).isEqualTo("U");
        assertThat(paper.version()).isEqualTo(1);
        assertThat(paper.publishedAt()).isNull();
        assertThat(paper.authors()).containsExactly("C D");
    }

    @Test
    void parsedAuthorsArePreferredWhenANonEmptyArray() {
        assertThat(authors("\"authors_parsed\":[[\"Last\",\"First\",\"\"],[\"L\"]],\"authors\":\"X Y\""))
                .containsExactly("First Last", "L");
        assertThat(authors("\"authors_parsed\":[[\"\",\"\"],\"x\"],\"authors\":\"X Y\"")).isEmpty();
        assertThat(authors("\"authors_parsed\":[],\"authors\":\"A B, C D and E F\"")).containsExactly("A B", "C D", "E F");
        assertThat(authors("\"authors_parsed\":{\"a\":[\"b\"]},\"authors\":\"A B\"")).containsExactly("A B");
        assertThat(authors("\"authors_parsed\":\"Last\"")).isEmpty();
    }

    @Test
    void aPartOfAParsedAuthorIsItsTextAndNullsOrNestedValuesAreEmpty() {
        assertThat(authors("\"authors_parsed\":[[1,true,null],[[\"a\"],{\"b\":1},\"S\",\"ignored\"],[1.50,1e3,12345678901234567890]]"))
                .containsExactly("true 1", "S", "1000.0 1.5 12345678901234567890");
        assertThat(authors("\"authors_parsed\":[[\"L\",\"F\",\"S\",{\"x\":[1]},2],7,null,{\"0\":\"x\"}]"))
                .containsExactly("F L S");
        assertThat(authors("\"authors_parsed\":[[\"L\", 1e400]]")).containsExactly("Infinity L");
    }

    @Test
    void theVersionIsTheNumberOfEntriesOfVersions() {
        assertThat(paper("{" + ID_AND_TITLE + "}").version()).isZero();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":[]}").version()).isZero();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":null}").version()).isZero();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":\"v1\"}").version()).isZero();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":[1,{},[],null]}").version()).isEqualTo(4);
        // As the tree model counted an object: its distinct keys.
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":{\"a\":1,\"b\":2,\"a\":3}}").version()).isEqualTo(2);
    }

    @Test
    void theFirstVersionsCreatedIsTheDateOfPublication() {
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":[{\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"},"
                + "{\"created\":\"junk\"}]}").publishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":[1,{\"created\":\"junk\"}]}").publishedAt()).isNull();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":[[\"created\"]]}").publishedAt()).isNull();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":[{\"created\":\" \"}]}").publishedAt()).isNull();
        assertThat(paper("{" + ID_AND_TITLE + ",\"versions\":{\"created\":\"junk\"}}").publishedAt()).isNull();
        assertThat(rejection("{" + ID_AND_TITLE + ",\"versions\":[{\"created\":\"junk\"},{}]}"))
                .isEqualTo("versions[0].created is not an RFC 1123 date: junk");
        assertThat(rejection("{" + ID_AND_TITLE + ",\"versions\":[{\"created\":{\"a\":1}}]}"))
                .isEqualTo("versions[0].created is not an RFC 1123 date: {\"a\":1}");
    }

    @Test
    void theUpdateDateIsADayAndIsCheckedAfterTheCreationDate() {
        assertThat(rejection("{" + ID_AND_TITLE + ",\"update_date\":\"2007-13-01\"}"))
                .isEqualTo("update_date is not YYYY-MM-DD: 2007-13-01");
        assertThat(rejection("{" + ID_AND_TITLE + ",\"update_date\":20070101}")).isEqualTo("update_date is not YYYY-MM-DD: 20070101");
        assertThat(rejection("{" + ID_AND_TITLE + ",\"update_date\":\"x\",\"versions\":[{\"created\":\"y\"}]}"))
                .isEqualTo("versions[0].created is not an RFC 1123 date: y");
        assertThat(rejection("{\"update_date\":\"x\",\"id\":\"bad\",\"title\":\"T\"}")).startsWith("not an arXiv id");
    }

    @Test
    void categoriesAreSplitOnWhitespaceOnceEach() {
        assertThat(paper("{" + ID_AND_TITLE + ",\"categories\":\" a b \\n a \"}").categories()).containsExactly("a", "b");
        assertThat(paper("{" + ID_AND_TITLE + ",\"categories\":\"  \"}").categories()).isEmpty();
    }

    private List<String> authors(String fields) {
        return paper("{" + ID_AND_TITLE + "," + fields + "}").authors();
    }

    private Paper paper(String line) {
        Step.Batch batch = parse(line);
        assertThat(batch.rejections()).as(line).isEmpty();
        return batch.updates().getFirst().paper();
    }

    private String rejection(String line) {
        return rejection(line.getBytes(StandardCharsets.UTF_8));
    }

    private String rejection(byte[] line) {
        Step.Batch batch = format.parse("f", List.of(new SnapshotLines.Line(line, 1, line.length)), null, 0);
        assertThat(batch.updates()).isEmpty();
        return batch.rejections().getFirst().reason();
    }

    private Step.Batch parse(String... lines) {
        List<SnapshotLines.Line> chunk = new ArrayList<>();
        for (String line : lines) {
            chunk.add(new SnapshotLines.Line(line.getBytes(StandardCharsets.UTF_8), chunk.size() + 1, 0));
        }
        return format.parse("f", chunk, null, 0);
    }

    /** Text and raw bytes (ints), in order: a line with bytes that are not UTF-8. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
