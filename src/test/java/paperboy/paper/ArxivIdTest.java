package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

    @ParameterizedTest(name = "[{0}] is {1} v{2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            2608.19880|2608.19880|0
            0704.0001|0704.0001|0
            1412.9999|1412.9999|0
            1501.00001|1501.00001|0
            '  2608.19880\n'|2608.19880|0
            1611.09520v2|1611.09520|2
            arXiv:2608.19880|2608.19880|0
            arxiv:1611.09520v12|1611.09520|12
            arXiv: 2608.19880|2608.19880|0
            arXiv:2608.19880v1 [cs.CL]|2608.19880|1
            oai:arXiv.org:1412.8544|1412.8544|0
            oai:arXiv.org:hep-th/9901001|hep-th/9901001|0
            hep-th/9901001|hep-th/9901001|0
            hep-th/9901001v3|hep-th/9901001|3
            math/0501001|math/0501001|0
            math.CA/0501001|math/0501001|0
            arXiv:math.CA/0501001v2|math/0501001|2
            cond-mat/0703999|cond-mat/0703999|0
            q-bio/0401001|q-bio/0401001|0
            physics/9108001|physics/9108001|0
            https://arxiv.org/abs/2608.19880v1|2608.19880|1
            https://arxiv.org/abs/2608.19880|2608.19880|0
            http://arxiv.org/pdf/2608.19880v1|2608.19880|1
            http://arxiv.org/pdf/2608.19880v1.pdf|2608.19880|1
            https://arxiv.org/pdf/2608.19880.pdf|2608.19880|0
            https://export.arxiv.org/abs/2608.19880|2608.19880|0
            export.arxiv.org/abs/hep-th/9901001v2|hep-th/9901001|2
            arxiv.org/abs/2608.19880|2608.19880|0
            www.arxiv.org/abs/2608.19880|2608.19880|0
            https://www.arxiv.org/abs/2608.19880/|2608.19880|0
            https://arxiv.org/abs/2608.19880?context=cs|2608.19880|0
            https://arxiv.org/pdf/math/0501001v1|math/0501001|1
            https://huggingface.co/papers/2608.19880|2608.19880|0
            huggingface.co/papers/2608.19880|2608.19880|0
            HTTPS://ARXIV.ORG/ABS/HEP-TH/9901001|hep-th/9901001|0
            """)
    void parsesEverySpellingFromRealDataToTheCanonicalId(String raw, String id, int version) {
        assertThat(ArxivId.parseVersioned(raw.replace("\\n", "\n")))
                .isEqualTo(new ArxivId.Versioned(new ArxivId(id), version));
        assertThat(ArxivId.parse(raw.replace("\\n", "\n")).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ", "garbage", "2608", "2608.", ".19880", "2608.1988", "2608.198800", "1412.12345",
        "1501.1234", "0700.0001", "2613.19880", "0703.0001", "0612.1234", "2608.00000",
        "2608.19880v0", "2608.19880v", "2608.19880v2v3", "2608.19880 v2", "2608 .19880",
        "hep-th/990100", "hep-th/99010011", "hep-th/9913001", "hep-th/9101001", "hep-th/0704001",
        "hep-th/9901000", "-hep/9901001", "hep_th/9901001", "/9901001", "hep-th/",
        "https://example.org/abs/2608.19880", "https://arxiv.org/list/2608.19880",
        "https://huggingface.co/models/2608.19880", "doi:10.48550/arXiv.2608.19880",
        "arXiv:arXiv:2608.19880", "2608.19880.pdf", "２６０８.１９８８０"})
    void rejectsWhatIsNotAnArxivId(String raw) {
        assertThatThrownBy(() -> ArxivId.parse(raw)).isInstanceOf(InvalidArxivId.class);
        assertThat(ArxivId.isValid(raw)).isFalse();
    }

    @Test
    void switchesFromFourToFiveDigitsInJanuary2015() {
        assertThat(ArxivId.isValid("1412.9999")).isTrue();
        assertThat(ArxivId.isValid("1412.99999")).isFalse();
        assertThat(ArxivId.isValid("1501.99999")).isTrue();
        assertThat(ArxivId.isValid("1501.9999")).isFalse();
    }

    @Test
    void errorMessageQuotesTheInputAndShowsAValidId() {
        assertThat(catchThrowable(() -> ArxivId.parse("junk id")))
                .hasMessageContaining("\"junk id\"").hasMessageContaining("2608.19880");
    }

    @Test
    void errorMessageShortensHugeInputs() {
        String huge = "x".repeat(100_000);
        assertThat(catchThrowable(() -> ArxivId.parse(huge)).getMessage())
                .hasSizeLessThan(400).contains("100000 chars");
    }

    @Test
    void constructorAcceptsOnlyCanonicalValues() {
        assertThat(new ArxivId("2608.19880").value()).isEqualTo("2608.19880");
        for (String notCanonical : new String[] {"junk", "2608.19880v1", "arXiv:2608.19880",
                " 2608.19880", "math.CA/0501001", "HEP-TH/9901001", "2613.19880"}) {
            assertThatThrownBy(() -> new ArxivId(notCanonical)).isInstanceOf(InvalidArxivId.class);
        }
        assertThatThrownBy(() -> new ArxivId(null)).isInstanceOf(InvalidArxivId.class);
    }

    @Test
    void knowsItsStyleAndLinks() {
        ArxivId id = ArxivId.parse("2608.19880v3");
        assertThat(id.isOldStyle()).isFalse();
        assertThat(id.absUrl()).isEqualTo("https://arxiv.org/abs/2608.19880");
        assertThat(id.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2608.19880");
        assertThat(id).hasToString("2608.19880");
        ArxivId old = ArxivId.parse("hep-th/9901001");
        assertThat(old.isOldStyle()).isTrue();
        assertThat(old.absUrl()).isEqualTo("https://arxiv.org/abs/hep-th/9901001");
    }

    @Property
    void everyDecorationOfAValidIdComesBackCanonical(
            @ForAll("canonicalIds") String id, @ForAll("decorations") String decoration,
            @ForAll("versions") int version, @ForAll("padding") String before,
            @ForAll("padding") String after) {
        String spelled = decoration.formatted(id + (version == 0 ? "" : "v" + version));
        assertThat(ArxivId.parseVersioned(before + spelled + after))
                .isEqualTo(new ArxivId.Versioned(new ArxivId(id), version));
    }

    @Property
    void oldStyleIdsMayNameASubjectClass(@ForAll("oldStyleIds") String id,
            @ForAll("subjectClasses") String subject) {
        String withSubject = id.replace("/", "." + subject + "/");
        assertThat(ArxivId.parse("arXiv:" + withSubject).value()).isEqualTo(id);
    }

    @Property
    void parseIsIdempotent(@ForAll("idLikeText") String raw) {
        if (ArxivId.isValid(raw)) {
            ArxivId once = ArxivId.parse(raw);
            assertThat(ArxivId.parse(once.value())).isEqualTo(once);
        }
    }

    @Property(tries = 2000)
    void anyTextParsesToACanonicalIdOrThrowsInvalidArxivId(@ForAll("idLikeText") String raw) {
        try {
            ArxivId id = ArxivId.parse(raw);
            assertThat(new ArxivId(id.value())).isEqualTo(id);
        } catch (InvalidArxivId expected) {
            assertThat(expected).hasMessageContaining("not an arXiv id");
        }
    }

    @Property
    void monthsOutsideTheCalendarAreRejected(@ForAll("badMonths") int month) {
        assertThat(ArxivId.isValid("%02d%02d.12345".formatted(20, month))).isFalse();
        assertThat(ArxivId.isValid("hep-th/99%02d001".formatted(month))).isFalse();
    }

    @Provide
    Arbitrary<String> newStyleIds() {
        Arbitrary<Integer> yymm = Combinators.combine(
                        Arbitraries.integers().between(7, 99), Arbitraries.integers().between(1, 12))
                .as((yy, mm) -> yy * 100 + mm).filter(ym -> ym >= 704);
        return yymm.flatMap(ym -> {
            int digits = ym < 1501 ? 4 : 5;
            return Arbitraries.integers().between(1, digits == 4 ? 9999 : 99999)
                    .map(n -> ("%04d.%0" + digits + "d").formatted(ym, n));
        });
    }

    @Provide
    Arbitrary<String> oldStyleIds() {
        Arbitrary<String> archive = Arbitraries.oneOf(
                Arbitraries.of("hep-th", "hep-ph", "math", "cond-mat", "q-bio", "physics", "cs",
                        "astro-ph", "gr-qc", "quant-ph", "nlin", "math-ph"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5)
                        .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts)));
        Arbitrary<Integer> yyyymm = Arbitraries.integers().between(1991, 2007)
                .flatMap(y -> Arbitraries.integers().between(1, 12).map(m -> y * 100 + m))
                .filter(ym -> ym >= 199108 && ym <= 200703);
        return Combinators.combine(archive, yyyymm, Arbitraries.integers().between(1, 999))
                .as((a, ym, n) -> "%s/%04d%03d".formatted(a, ym % 10000, n));
    }

    @Provide
    Arbitrary<String> canonicalIds() {
        return Arbitraries.oneOf(newStyleIds(), oldStyleIds());
    }

    @Provide
    Arbitrary<String> decorations() {
        return Arbitraries.of("%s", "arXiv:%s", "arxiv:%s", "ARXIV: %s", "oai:arXiv.org:%s",
                "https://arxiv.org/abs/%s", "http://arxiv.org/abs/%s", "arxiv.org/abs/%s",
                "https://www.arxiv.org/abs/%s", "http://export.arxiv.org/abs/%s",
                "http://arxiv.org/pdf/%s", "http://arxiv.org/pdf/%s.pdf", "https://arxiv.org/abs/%s/",
                "https://arxiv.org/abs/%s#comments", "https://huggingface.co/papers/%s",
                "%s [cs.CL]");
    }

    @Provide
    Arbitrary<Integer> versions() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 9999));
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.of("", " ", "\t", "\n", "\r\n  ", "\u00A0", "\u2003 ");
    }

    @Provide
    Arbitrary<String> subjectClasses() {
        return Arbitraries.of("CA", "AG", "AI", "str-el", "NT");
    }

    @Provide
    Arbitrary<Integer> badMonths() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(13, 99));
    }

    /** Arbitrary text, near-misses built from id characters, and decorated valid ids. */
    @Provide
    Arbitrary<String> idLikeText() {
        Arbitrary<String> decorated = Combinators.combine(canonicalIds(), decorations(), versions())
                .as((id, d, v) -> d.formatted(id + (v == 0 ? "" : "v" + v)));
        List<String> pieces = List.of("0", "1", "7", "9", ".", "/", "v", ":", " ", "-", "arXiv",
                "hep-th", "math.CA", "https://arxiv.org/abs/", ".pdf", "oai:arXiv.org:", "\n");
        Arbitrary<String> nearMisses = Arbitraries.of(pieces).list().ofMaxSize(12)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(Arbitraries.strings(), Arbitraries.strings().all(), nearMisses,
                decorated);
    }
}
