package paperboy.search;

import java.util.List;

/**
 * A merge of the whole index into one segment, and the rule for when one is due.
 *
 * <p>A bulk write (an import, a rebuild, a model's embedding, which writes every paper again)
 * leaves the index in as many segments as Lucene's merge policy allows for its size: 16 to 30
 * at a million papers, by when the writer flushed. Every search pays for each segment, since each
 * has its own term dictionaries, postings and vector graph: at a million papers, merged into one, a
 * keyword search took 15 % less and a semantic one 37 % less (BENCHMARKS.md, "Search latency at
 * 100,000 and 1,000,000 papers").
 * Everyday writes (a day's harvest, upvotes rewriting a paper) add small segments, which cost little
 * and are left to the merge policy; the index is merged whole again only once the segments besides
 * its largest hold a tenth of its documents, so a growing index is rewritten each time it has grown
 * by about a tenth, not daily.
 *
 * @param segments  segments before the merge
 * @param documents documents merged (deleted ones, which the merge drops, included)
 * @param seconds   how long the merge took
 */
public record SegmentMerge(int segments, long documents, double seconds) {
    /** The share of documents outside the largest segment past which a merge is due. */
    static final double SPREAD = 0.10;

    /** Whether segments of these sizes (documents, deleted ones included) should be merged into one. */
    static boolean due(List<Integer> segmentSizes) {
        if (segmentSizes.size() < 2) {
            return false;
        }
        long total = 0;
        long largest = 0;
        for (int size : segmentSizes) {
            total += size;
            largest = Math.max(largest, size);
        }
        return total - largest > SPREAD * total;
    }
}
