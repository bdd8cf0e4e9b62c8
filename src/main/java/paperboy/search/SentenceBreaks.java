package paperboy.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by looking at the few characters around a position: a
 * sentence ends at {@code .}, {@code !} or {@code ?} (and any closing quotes or brackets) followed
 * by white space, unless the next word starts in lower case ("e.g. the", "et al. show"); the
 * boundary is where the next sentence starts, as with the JDK's sentence instance. That instance
 * walks its rule tables backwards from a safe point for every match the highlighter places (about a
 * quarter of a keyword search's time); this one scans only the sentence around the match.
 */
final class SentenceBreaks extends BreakIterator {
    private CharacterIterator source = new StringCharacterIterator("");
    /** Where the text starts in the source's indices, which boundaries are given in. */
    private int begin;
    /** The text's length. */
    private int length;
    private int current;

    @Override
    public void setText(String newText) {
        setText(new StringCharacterIterator(newText));
    }

    @Override
    public void setText(CharacterIterator newText) {
        // Read in place, not copied: only the sentences around matches are ever looked at.
        source = newText;
        begin = newText.getBeginIndex();
        length = newText.getEndIndex() - begin;
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return source;
    }

    @Override
    public int first() {
        current = 0;
        return begin;
    }

    @Override
    public int last() {
        current = length;
        return begin + current;
    }

    @Override
    public int current() {
        return begin + current;
    }

    @Override
    public int next() {
        return current == length ? DONE : moveTo(after(current));
    }

    @Override
    public int next(int n) {
        int result = current();
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        return current == 0 ? DONE : moveTo(before(current));
    }

    @Override
    public int following(int offset) {
        int at = checked(offset);
        return at == length ? moveToDone(length) : moveTo(after(at));
    }

    @Override
    public int preceding(int offset) {
        int at = checked(offset);
        return at == 0 ? moveToDone(0) : moveTo(before(at));
    }

    @Override
    public boolean isBoundary(int offset) {
        int at = checked(offset);
        current = at;
        return boundary(at);
    }

    private int checked(int offset) {
        int at = offset - begin;
        if (at < 0 || at > length) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text");
        }
        return at;
    }

    private int moveTo(int at) {
        current = at;
        return begin + at;
    }

    private int moveToDone(int at) {
        current = at;
        return DONE;
    }

    /** The first boundary after {@code at}: one pass forward, each character read once. */
    private int after(int at) {
        if (at + 1 >= length) {
            return length;
        }
        char previous = charAt(at);
        for (int i = at + 1; i < length; i++) {
            char c = charAt(i);
            if (startsSentence(previous, c) && endMarkBefore(i)) {
                return i;
            }
            previous = c;
        }
        return length;
    }

    /** The last boundary before {@code at}: one pass backward, each character read once. */
    private int before(int at) {
        if (at - 1 <= 0) {
            return 0;
        }
        char c = charAt(at - 1);
        for (int i = at - 1; i > 0; i--) {
            char previous = charAt(i - 1);
            if (startsSentence(previous, c) && endMarkBefore(i)) {
                return i;
            }
            c = previous;
        }
        return 0;
    }

    /** Whether a sentence starts at {@code i}: after an end mark, closing marks and white space, not in lower case. */
    private boolean boundary(int i) {
        return i <= 0 || i >= length || (startsSentence(charAt(i - 1), charAt(i)) && endMarkBefore(i));
    }

    /** Whether {@code c}, after {@code previous}, may start a sentence: a word's first character, not in lower case. */
    private static boolean startsSentence(char previous, char c) {
        return Character.isWhitespace(previous) && !Character.isWhitespace(c) && !Character.isLowerCase(c);
    }

    /** Whether the white space before {@code i} follows an end mark (and any closing marks). */
    private boolean endMarkBefore(int i) {
        int j = i - 1;
        while (j > 0 && Character.isWhitespace(charAt(j))) {
            j--;
        }
        while (j > 0 && isClosing(charAt(j))) {
            j--;
        }
        char end = charAt(j);
        return end == '.' || end == '!' || end == '?';
    }

    private char charAt(int i) {
        return source.setIndex(begin + i);
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '"' || c == '\'' || c == '”' || c == '’';
    }
}
