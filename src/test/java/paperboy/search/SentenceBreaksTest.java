package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Snippet sentences: cut after an end mark and white space, not before a lower-case word, in the iterator's own indices. */
class SentenceBreaksTest {
    private static List<Integer> boundaries(BreakIterator breaks) {
        List<Integer> all = new ArrayList<>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            all.add(b);
        }
        return all;
    }

    @Test
    void cutsAfterEndMarksNotAfterAbbreviationsOrDecimals() {
        BreakIterator breaks = new SentenceBreaks();
        String text = "We scale it to 1.5B tokens, e.g. the web. It works (mostly.) Does it? Yes!";
        breaks.setText(text);
        assertThat(boundaries(breaks)).containsExactly(0, text.indexOf("It works"), text.indexOf("Does"), text.indexOf("Yes"),
                text.length());
        assertThat(breaks.preceding(text.indexOf("works"))).isEqualTo(text.indexOf("It works"));
        assertThat(breaks.following(text.indexOf("works"))).isEqualTo(text.indexOf("Does"));
        assertThat(breaks.following(text.length())).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.isBoundary(text.indexOf("Does"))).isTrue();
        assertThat(breaks.isBoundary(text.indexOf("works"))).isFalse();
    }

    @Test
    void answersInTheIndicesOfAPartOfALongerText() {
        BreakIterator breaks = new SentenceBreaks();
        String whole = "Title\u2029One sentence. Two.";
        int from = whole.indexOf("One");
        breaks.setText(new StringCharacterIterator(whole, from, whole.length(), from));
        assertThat(boundaries(breaks)).containsExactly(from, whole.indexOf("Two"), whole.length());
    }

    @Test
    void aTextWithoutEndMarksIsOneSentence() {
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText("no end mark here");
        assertThat(boundaries(breaks)).containsExactly(0, 16);
        breaks.setText("");
        assertThat(breaks.first()).isZero();
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
    }

    /** Where a sentence starts, as a pattern: end mark, closing marks, white space, then no white space and no lower case. */
    private static final Pattern SENTENCE_START = Pattern.compile("(?<=[.!?][)\\]\"'\u201d\u2019]{0,10}\\s{1,3})(?=[^\\s\\p{Ll}])");
    private static final String[] PIECES = {"Word", "word", "e.g.", "1.5B", ".", "!", "?", ")", "(", "\"", "\u201d", "'",
        " ", " ", " ", "  ", "\n", "\t", "A", "x", "\u00c9t\u00e9", "\u00e9t\u00e9", "42", "al.", ","};

    @Test
    void everyOffsetFindsTheNearestBoundaryOnEitherSideAsThePatternPlacesThem() {
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String t = text.toString().replaceAll("\\s{4,}", "   "); // the pattern looks back over at most three
            TreeSet<Integer> expected = new TreeSet<>(List.of(0, t.length()));
            Matcher m = SENTENCE_START.matcher(t);
            while (m.find()) {
                expected.add(m.start());
            }
            BreakIterator breaks = new SentenceBreaks();
            breaks.setText(t);
            assertThat(boundaries(breaks)).as(t).containsExactlyElementsOf(expected);
            for (int at = 0; at <= t.length(); at++) {
                Integer after = expected.higher(at);
                Integer before = expected.lower(at);
                assertThat(breaks.following(at)).as("following %d in [%s]", at, t).isEqualTo(after == null ? BreakIterator.DONE : after);
                assertThat(breaks.preceding(at)).as("preceding %d in [%s]", at, t).isEqualTo(before == null ? BreakIterator.DONE : before);
                assertThat(breaks.isBoundary(at)).as("boundary %d in [%s]", at, t).isEqualTo(expected.contains(at));
            }
        }
    }
}
