package paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.util.BytesRef;

/**
 * The matches in hits' titles, found while their abstracts are marked: the title is the last value
 * of the combined field ({@link PaperDocuments#TEXT}), so the postings read for a hit's abstract
 * hold the title's matches too, after the abstract's end, and the title's own postings need not be
 * read again. Filled for one highlighting call (the stored titles as they are loaded, the matches by
 * {@link ForwardPostings}), then read to format the titles; a hit it has no entry for (its abstract
 * was too long to be read whole) is marked the highlighter's own way.
 */
final class TitleMarks {
    /** One match: where it is in the title, its word and how often that word is in the combined field. */
    record Match(int start, int end, BytesRef term, int freq) {}

    private record Hit(LeafReader segment, int doc) {}

    private static final Comparator<Match> IN_ORDER = Comparator.comparingInt(Match::start).thenComparingInt(Match::end);

    private final Map<Hit, List<Match>> found = new HashMap<>();
    /** The hits' stored titles, by document number in the whole index. */
    private final Map<Integer, String> titles = new HashMap<>();

    /** Notes that {@code doc}'s title was read from the combined field, so far with no match. */
    List<Match> startedFor(LeafReader segment, int doc) {
        return found.computeIfAbsent(new Hit(segment, doc), hit -> new ArrayList<>());
    }

    /** Keeps the stored title of {@code doc} (numbered in the whole index), read with its abstract. */
    void keepTitle(int doc, String title) {
        titles.put(doc, title);
    }

    /** Whether {@code doc} (numbered in the whole index, in {@code leaf}) has its title and its title's matches here. */
    boolean has(int doc, LeafReaderContext leaf) {
        return titles.containsKey(doc) && found.containsKey(hit(doc, leaf));
    }

    /** {@code doc}'s title with its matches marked by {@code formatter}, or null when nothing in it matches. */
    String marked(int doc, LeafReaderContext leaf, PassageFormatter formatter) {
        String title = titles.get(doc);
        List<Match> matches = new ArrayList<>(found.getOrDefault(hit(doc, leaf), List.of()));
        matches.removeIf(m -> m.end() > title.length()); // never for a title indexed as stored: the formatter would throw
        if (matches.isEmpty()) {
            return null;
        }
        matches.sort(IN_ORDER);
        Passage whole = new Passage();
        whole.setStartOffset(0);
        whole.setEndOffset(title.length());
        for (Match m : matches) {
            whole.addMatch(m.start(), m.end(), m.term(), m.freq());
        }
        return (String) formatter.format(new Passage[] {whole}, title);
    }

    private static Hit hit(int doc, LeafReaderContext leaf) {
        return new Hit(leaf.reader(), doc - leaf.docBase);
    }
}
