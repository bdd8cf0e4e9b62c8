package paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of a text analysed once, to be indexed in more than one field: a paper's title and
 * abstract go into their own fields and, joined, into the field that plain queries search, and
 * analysing them twice was a third of an import's indexing work.
 */
final class AnalysedText {
    private record Token(String term, int positionIncrement, int start, int end) {}

    private final List<Token> tokens;
    private final int length;

    private AnalysedText(List<Token> tokens, int length) {
        this.tokens = tokens;
        this.length = length;
    }

    static AnalysedText of(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text for the index", e);
        }
        return new AnalysedText(tokens, text.length());
    }

    /** The tokens again, as analysis gave them. */
    TokenStream stream() {
        return new Replay(List.of(this), 0);
    }

    /** The tokens of {@code first}, then those of {@code second} as if it followed after a space. */
    static TokenStream joined(AnalysedText first, AnalysedText second) {
        return new Replay(List.of(first, second), 1);
    }

    /** Plays tokens back with their positions and offsets (shifted for texts after the first). */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final List<AnalysedText> texts;
        private final int gap;
        private int text;
        private int next;
        private int shift;

        Replay(List<AnalysedText> texts, int gap) {
            this.texts = texts;
            this.gap = gap;
        }

        @Override
        public boolean incrementToken() {
            while (text < texts.size() && next == texts.get(text).tokens.size()) {
                shift += texts.get(text).length + gap;
                text++;
                next = 0;
            }
            if (text == texts.size()) {
                return false;
            }
            clearAttributes();
            Token token = texts.get(text).tokens.get(next++);
            term.setEmpty().append(token.term());
            increment.setPositionIncrement(token.positionIncrement());
            offset.setOffset(token.start() + shift, token.end() + shift);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int total = 0;
            for (AnalysedText t : texts) {
                total += t.length;
            }
            int end = total + gap * (texts.size() - 1);
            offset.setOffset(end, end);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text = 0;
            next = 0;
            shift = 0;
        }
    }
}
