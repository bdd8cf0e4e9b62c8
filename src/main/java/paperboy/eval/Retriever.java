package paperboy.eval;

import java.util.List;

/**
 * What is evaluated: a search that turns a query's text into document ids, best first, at most
 * {@code limit} of them, score ties broken by ascending id so that runs are repeatable.
 */
@FunctionalInterface
public interface Retriever {
    List<String> retrieve(String query, int limit);
}
