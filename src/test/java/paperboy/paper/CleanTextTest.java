package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CleanTextTest {

    private static final Pattern ANY_SPACE = Pattern.compile("(?U)\\s");

    @Test
    void joinsAHardWrappedTitleFromTheArxivSnapshot() {
        assertThat(CleanText.oneLine(
                "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies"))
                .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    }

    @Test
    void collapsesEveryKindOfWhitespace() {
        assertThat(CleanText.oneLine("\t A\u00A0\u00A0B\r\nC\u2003D\u2028E\u3000 F\u0085 "))
                .isEqualTo("A B C D E F");
        assertThat(CleanText.oneLine("  \n\t ")).isEmpty();
        assertThat(CleanText.oneLine(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '§', textBlock = """
            C. Bal\\'azs|C. Balázs
            \\'a \\'{a} {\\'a} {\\'{a}}|á á á á
            G{\\"o}del|Gödel
            Erd\\H{o}s|Erdős
            \\`e \\^o \\~n \\=a \\.z|è ô ñ ā ż
            \\u{g} \\v{s} \\v s \\c{c} \\c c \\k{a} \\r{a} \\d{s}|ğ š š ç ç ą å ṣ
            \\"{\\i} \\'\\i {\\'\\i} \\'{\\i} \\^\\j|ï í í í ĵ
            Stra{\\ss}e \\o \\O \\aa \\AA \\ae \\AE \\oe \\l \\L \\i|Straße ø Ø å Å æ Æ œ ł Ł ı
            \\L{}ukasz \\AA{}ngstr\\"om|Łukasz Ångström
            Andr\\'E \\' e|AndrÉ é
            Ji\\v{r}\\'{\\i} Tu\\v{c}ek|Jiří Tuček
            """)
    void convertsAccentEscapesToUnicode(String latex, String unicode) {
        assertThat(CleanText.latexToUnicode(latex)).isEqualTo(unicode);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$",
        "The $\\ell_1$ norm and $\\'a$ in maths", "\\lambda \\in \\int \\omega \\Large \\ssa",
        "\\vec{x} \\Huge \\cdot \\delta \\beta \\rho \\kappa \\underline{x}", "\\emph{text}",
        "\\\"{} and \\'{} and \\v{}", "costs \\$5, \\'{1}", "trailing \\"})
    void leavesMathsAndUnknownCommandsUntouched(String text) {
        assertThat(CleanText.latexToUnicode(text)).isEqualTo(text);
    }

    @Test
    void keepsBracesThatAreACommandsArgument() {
        assertThat(CleanText.latexToUnicode("\\emph{\\'a} \\{\\o}")).isEqualTo("\\emph{á} \\{ø}");
    }

    @Test
    void producesComposedCharacters() {
        assertThat(CleanText.latexToUnicode("\\'e")).isEqualTo("\u00E9").hasSize(1);
    }

    @Test
    void authorNameConvertsAndJoinsLines() {
        assertThat(CleanText.authorName("  C. Bal\\'azs\n ")).isEqualTo("C. Balázs");
        assertThat(CleanText.authorName("Kurt\tG{\\\"o}del")).isEqualTo("Kurt Gödel");
        assertThat(CleanText.authorName(null)).isNull();
    }

    @Property(tries = 2000)
    void oneLineLeavesOneSingleSpacedTrimmedLine(@ForAll("spacedText") String s) {
        String line = CleanText.oneLine(s);
        assertThat(line).doesNotContain("  ").doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\u0085");
        if (!line.isEmpty()) {
            assertThat(isSpace(line.charAt(0))).isFalse();
            assertThat(isSpace(line.charAt(line.length() - 1))).isFalse();
        }
        assertThat(line.chars().filter(c -> c != ' ').noneMatch(c -> isSpace((char) c))).isTrue();
        assertThat(CleanText.oneLine(line)).isEqualTo(line);
    }

    @Property(tries = 3000)
    void latexToUnicodeIsIdempotent(@ForAll("latexText") String s) {
        String once = CleanText.latexToUnicode(s);
        assertThat(CleanText.latexToUnicode(once)).isEqualTo(once);
    }

    @Property
    void textWithoutBackslashesIsLeftAlone(@ForAll("textWithoutBackslashes") String s) {
        assertThat(CleanText.latexToUnicode(s)).isEqualTo(s);
    }

    @Provide
    Arbitrary<String> spacedText() {
        return Arbitraries.oneOf(Arbitraries.strings().all(),
                Arbitraries.strings().withChars(" \t\n\r\u000B\f\u001C\u00A0\u2003\u2028\u3000\u0085ab"));
    }

    @Provide
    Arbitrary<String> textWithoutBackslashes() {
        return Arbitraries.strings().all().excludeChars('\\');
    }

    /** Random text plus text assembled from the pieces escapes are made of, to reach the edge cases. */
    @Provide
    Arbitrary<String> latexText() {
        List<String> pieces = List.of("\\", "'", "\"", "`", "^", "~", "=", ".", "u", "v", "H", "c",
                "k", "r", "i", "o", "ss", "AA", "l", "a", "Z", "{", "}", "$", " ", "\n", "\\'",
                "\\v", "\\i", "\\o", "\\L", "\\ss", "\\emph", "\\lambda", "ø", "é", "e\u0301");
        Arbitrary<String> assembled = Arbitraries.of(pieces).list().ofMaxSize(14)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(assembled, assembled, Arbitraries.strings().all());
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || ANY_SPACE.matcher(String.valueOf(c)).matches();
    }
}
