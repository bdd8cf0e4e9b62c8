package paperboy.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * The stored title and abstract the highlighter marks, kept per index segment and document: reading
 * them back means decompressing a block of stored fields per document (a sixth of a fresh keyword
 * search's CPU in Lucene's 80 KB blocks, about a twentieth in {@link IndexCodec}'s 4 KB ones), and
 * the same papers come up in search after search. A segment's stored
 * fields never change (an updated paper is written to a new segment), so an entry is right for as
 * long as its segment is searched, and entries of merged-away segments age out. Bounded by the
 * characters held ({@link #CHARS}).
 */
final class StoredTexts {
    /** Characters kept at most (about 16 MiB of heap): the whole bundled sample several times over. */
    static final long CHARS = 8L << 20;

    /** Reads one document's values of the given fields, in their order. */
    interface Loader {
        CharSequence[] load(int doc) throws IOException;
    }

    private record Key(Object segment, int doc, List<String> fields) {}

    private final Cache<Key, CharSequence[]> texts;

    StoredTexts(long chars) {
        this.texts = Caffeine.newBuilder()
                .maximumWeight(chars)
                .weigher((Key key, CharSequence[] values) -> weight(values))
                .executor(Runnable::run) // evict on the searching thread, not in a pool of Caffeine's
                .build();
    }

    /** Document {@code doc}'s values of {@code fields} in {@code reader}, kept or read now by {@code loader}. */
    CharSequence[] of(IndexReader reader, int doc, List<String> fields, Loader loader) throws IOException {
        Key key = keyOf(reader, doc, fields);
        if (key == null) {
            return loader.load(doc);
        }
        CharSequence[] known = texts.getIfPresent(key);
        if (known != null) {
            return known;
        }
        CharSequence[] read = loader.load(doc);
        texts.put(key, read);
        return read;
    }

    /** Null where the segment offers no key to cache under (a reader that wraps and changes it). */
    private static Key keyOf(IndexReader reader, int doc, List<String> fields) {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        return core == null ? null : new Key(core.getKey(), doc - leaf.docBase, fields);
    }

    private static int weight(CharSequence[] values) {
        int chars = 64;
        for (CharSequence value : values) {
            chars += value == null ? 0 : value.length();
        }
        return chars;
    }
}
