package paperboy.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Arrays;
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
 * characters held ({@link #CHARS}). The documents not kept are read together, through one reader
 * of the stored fields: opening one clones the segment's stored-fields index, which for each hit
 * apart cost a twentieth of a fresh keyword search at a million papers.
 */
final class StoredTexts {
    /** Characters kept at most (about 16 MiB of heap): the whole bundled sample several times over. */
    static final long CHARS = 8L << 20;

    /** Reads documents' values of the given fields: for each of {@code docs} (ascending), its values in the fields' order. */
    interface Loader {
        List<CharSequence[]> load(int[] docs) throws IOException;
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

    /**
     * The values of {@code fields} of each of {@code docs} (ascending) in {@code reader}, in the same
     * order: those kept, and the others read now by {@code loader}, all in one call.
     */
    List<CharSequence[]> of(IndexReader reader, int[] docs, List<String> fields, Loader loader) throws IOException {
        CharSequence[][] values = new CharSequence[docs.length][];
        Key[] keys = new Key[docs.length];
        int[] missing = new int[docs.length];
        int misses = 0;
        for (int i = 0; i < docs.length; i++) {
            keys[i] = keyOf(reader, docs[i], fields);
            values[i] = keys[i] == null ? null : texts.getIfPresent(keys[i]);
            if (values[i] == null) {
                missing[misses++] = i;
            }
        }
        if (misses == 0) {
            return Arrays.asList(values);
        }
        int[] unread = new int[misses];
        for (int m = 0; m < misses; m++) {
            unread[m] = docs[missing[m]];
        }
        List<CharSequence[]> read = loader.load(unread);
        for (int m = 0; m < misses; m++) {
            int i = missing[m];
            values[i] = read.get(m);
            if (keys[i] != null) {
                texts.put(keys[i], values[i]);
            }
        }
        return Arrays.asList(values);
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
