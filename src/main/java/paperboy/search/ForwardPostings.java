package paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Offsets of plain terms from the postings, for one field in one highlighting call, with each term
 * looked up once per segment and its postings moved forward from document to document. The
 * highlighter's own strategy looks every term up again and opens new postings for every document
 * (a fifth of a fresh keyword search's CPU), though it asks for a segment's documents in order.
 * Only for plain terms: phrases, wildcards and weight matches go the highlighter's own way.
 *
 * <p>For the combined field it can also note each hit's title matches ({@link TitleMarks}): those
 * offsets lie past the abstract's end, one character after it (Lucene's gap between a field's
 * values), so reading a hit's postings once marks both.
 */
final class ForwardPostings extends FieldOffsetStrategy {
    private final BytesRef[] terms;
    private final PostingsEnum[] postings;
    private final Optional<TitleMarks> titles;
    /** The highlighter's longest text: an abstract this long may have been cut, and its end is not known. */
    private final int maxLength;
    private LeafReader segment;
    private int lastDoc = -1;

    ForwardPostings(UHComponents components) {
        this(components, Optional.empty(), Integer.MAX_VALUE);
    }

    /** Offsets of the combined field that also note each hit's title matches in {@code titles}. */
    ForwardPostings(UHComponents components, Optional<TitleMarks> titles, int maxLength) {
        super(components);
        this.terms = components.terms();
        this.postings = new PostingsEnum[terms.length];
        this.titles = titles;
        this.maxLength = maxLength;
    }

    /** Whether these components are plain terms, which this strategy can mark. */
    static boolean fits(UHComponents components) {
        return !components.highlightFlags().contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES)
                && !components.phraseHelper().hasPositionSensitivity()
                && components.automata().length == 0;
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
        return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
        if (reader != segment || doc <= lastDoc) {
            lookUp(reader);
        }
        lastDoc = doc;
        List<TitleMarks.Match> inTitle = titles.isPresent() && content.length() < maxLength
                ? titles.get().startedFor(reader, doc)
                : null;
        List<OffsetsEnum> found = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            PostingsEnum term = postings[i];
            if (term != null && term.docID() < doc && term.advance(doc) == PostingsEnum.NO_MORE_DOCS) {
                postings[i] = null;
            } else if (term != null && term.docID() == doc) {
                OffsetsEnum offsets = inTitle == null
                        ? new OffsetsEnum.OfPostings(terms[i], term)
                        : split(terms[i], term, content.length() + 1, inTitle);
                if (offsets != null) {
                    found.add(offsets);
                }
            }
        }
        return switch (found.size()) {
            case 0 -> OffsetsEnum.EMPTY;
            case 1 -> found.getFirst();
            default -> new OffsetsEnum.MultiOffsetsEnum(found);
        };
    }

    /**
     * Reads a term's offsets in a hit: those from {@code titleStart} on are the title's (noted, shifted
     * to the title's own offsets), the others the abstract's (returned; null when there are none).
     */
    private static OffsetsEnum split(BytesRef word, PostingsEnum term, int titleStart, List<TitleMarks.Match> inTitle)
            throws IOException {
        int freq = term.freq();
        int[] starts = new int[freq];
        int[] ends = new int[freq];
        int inAbstract = 0;
        for (int i = 0; i < freq; i++) {
            term.nextPosition();
            int start = term.startOffset();
            int end = term.endOffset();
            if (start >= titleStart) {
                inTitle.add(new TitleMarks.Match(start - titleStart, end - titleStart, word, freq));
            } else {
                starts[inAbstract] = start;
                ends[inAbstract] = end;
                inAbstract++;
            }
        }
        return inAbstract == 0 ? null : new Listed(word, freq, starts, ends, inAbstract);
    }

    /** A term's offsets in one document, read already. */
    private static final class Listed extends OffsetsEnum {
        private final BytesRef term;
        private final int freq;
        private final int[] starts;
        private final int[] ends;
        private final int count;
        private int at = -1;

        Listed(BytesRef term, int freq, int[] starts, int[] ends, int count) {
            this.term = term;
            this.freq = freq;
            this.starts = starts;
            this.ends = ends;
            this.count = count;
        }

        @Override
        public boolean nextPosition() {
            return ++at < count;
        }

        /** How often the word is in the combined field, title included: what the passage scorer weighs. */
        @Override
        public int freq() {
            return freq;
        }

        @Override
        public BytesRef getTerm() {
            return term;
        }

        @Override
        public int startOffset() {
            return starts[at];
        }

        @Override
        public int endOffset() {
            return ends[at];
        }
    }

    /** Each term's postings in {@code reader}, or null for a term it lacks. */
    private void lookUp(LeafReader reader) throws IOException {
        segment = reader;
        lastDoc = -1;
        Terms index = reader.terms(getField());
        TermsEnum iterator = index == null ? null : index.iterator();
        for (int i = 0; i < terms.length; i++) {
            postings[i] = iterator != null && iterator.seekExact(terms[i])
                    ? offsetsOf(iterator.postings(postings[i], PostingsEnum.OFFSETS))
                    : null;
        }
    }

    private PostingsEnum offsetsOf(PostingsEnum found) {
        if (found == null) {
            throw new IllegalArgumentException("field '" + getField() + "' was indexed without offsets, cannot highlight");
        }
        return found;
    }
}
