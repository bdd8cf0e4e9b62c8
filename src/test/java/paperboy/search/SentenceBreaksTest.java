package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
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
}
