package paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 */
final class ForwardPostings extends FieldOffsetStrategy {
    private final BytesRef[] terms;
    private final PostingsEnum[] postings;
    private LeafReader segment;
    private int lastDoc = -1;

    ForwardPostings(UHComponents components) {
        super(components);
        this.terms = components.terms();
        this.postings = new PostingsEnum[terms.length];
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
        List<OffsetsEnum> found = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            PostingsEnum term = postings[i];
            if (term != null && term.docID() < doc && term.advance(doc) == PostingsEnum.NO_MORE_DOCS) {
                postings[i] = null;
            } else if (term != null && term.docID() == doc) {
                found.add(new OffsetsEnum.OfPostings(terms[i], term));
            }
        }
        return switch (found.size()) {
            case 0 -> OffsetsEnum.EMPTY;
            case 1 -> found.getFirst();
            default -> new OffsetsEnum.MultiOffsetsEnum(found);
        };
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
