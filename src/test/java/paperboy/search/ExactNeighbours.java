package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import paperboy.paper.ArxivId;

/**
 * The exact nearest neighbours, by brute force over the stored vectors: the oracle that the
 * index's approximate search (an HNSW graph over int8-quantised vectors) is checked against.
 *
 * <p>Why this holds on any CPU: ONNX Runtime's int8 kernels (AVX2, AVX-512, VNNI) and Lucene's
 * Vector API give slightly different vectors and scores on each machine, so which paper is 5th
 * or 6th for a query is not a fact a test may rely on. Here the oracle and the index work on the
 * same vectors (those this machine just made and stored) and the same query vector; they differ
 * only by Lucene's quantisation and by the graph search being approximate, both bounded by
 * {@link #MARGIN}. So a test asserts that every paper clearly inside the exact top n (by more
 * than the margin) was found, and that nothing clearly outside it was, whatever the vectors are.
 */
final class ExactNeighbours {
    /**
     * How far an approximate score may be from the exact dot product, and how far below the exact
     * n-th a paper the graph search returned may be. Measured on the fixtures: int8 quantisation
     * moved no dot product of a hit by more than 0.0022, and of 1,180 related papers (5 for each of
     * 236) the two not in the exact top 5 were within 0.0007 of it. This is several times both.
     */
    static final double MARGIN = 0.01;

    private final Map<ArxivId, float[]> vectors;

    ExactNeighbours(Map<ArxivId, float[]> vectors) {
        this.vectors = Map.copyOf(vectors);
    }

    /** A paper and its exact dot product with the query. */
    record Scored(ArxivId id, double score) {}

    /** Every eligible paper, nearest to {@code query} first. */
    List<Scored> ranking(float[] query, Predicate<ArxivId> eligible) {
        List<Scored> all = new ArrayList<>();
        vectors.forEach((id, v) -> {
            if (eligible.test(id)) {
                all.add(new Scored(id, Vectors.dot(query, v)));
            }
        });
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all;
    }

    List<Scored> ranking(float[] query) {
        return ranking(query, id -> true);
    }

    /** The papers nearest to a stored paper's vector, itself and {@code excluded} left out. */
    List<Scored> relatedTo(ArxivId paper, Predicate<ArxivId> excluded) {
        return ranking(vectors.get(paper), id -> !id.equals(paper) && !excluded.test(id));
    }

    /** 1 for the nearest paper. */
    static int rankOf(ArxivId id, List<Scored> ranking) {
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        throw new AssertionError(id + " is not in the ranking");
    }

    /**
     * Asserts that {@code found} (the first results of an approximate search) are the exact top
     * {@code found.size()} up to the margin: each paper that beats the exact n-th by more than
     * {@link #MARGIN} is found, and each paper found is within the margin of the exact n-th or above.
     */
    static void assertNearest(List<ArxivId> found, List<Scored> exact, int n) {
        assertThat(found).hasSize(Math.min(n, exact.size())).doesNotHaveDuplicates();
        double nth = exact.get(found.size() - 1).score();
        List<ArxivId> clearlyIn = exact.stream().filter(s -> s.score() > nth + MARGIN).map(Scored::id).toList();
        assertThat(found).as("papers clearly among the exact %d nearest", n).containsAll(clearlyIn);
        Map<ArxivId, Double> score = new java.util.HashMap<>();
        exact.forEach(s -> score.put(s.id(), s.score()));
        assertThat(found).as("papers found that are far from the exact %d nearest", n)
                .allSatisfy(id -> assertThat(score.get(id)).isNotNull().isGreaterThanOrEqualTo(nth - MARGIN));
    }
}
