package paperboy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.PaperText;
import paperboy.search.Vectors;

/**
 * How close a model's nearest papers come to queries that match nothing and to real ones, to set
 * a model's similarity floor: embeds the bundled sample's papers (exact cosine, no index) and
 * prints, per query, the best cosine and how many papers reach each floor. Not a test; run it with
 * {@code bench/run.sh SimilarityProbe MODEL [on|off] [FLOORS]}, e.g. {@code bge-small off 0.5,0.6,0.7}.
 */
public final class SimilarityProbe {
    private static final List<String> QUERIES = List.of(
            "qwertyuiop", "hello", "banana bread recipe", "football world cup", "protein folding",
            "speculative decoding", "attention that scales linearly", "robot manipulation");

    public static void main(String[] args) throws IOException {
        EmbeddingModel model = EmbeddingModel.parse(args.length > 0 ? args[0] : "minilm");
        boolean prefix = args.length <= 1 || args[1].equals("on");
        double[] floors = Stream.of((args.length > 2 ? args[2] : "0.2,0.25,0.3,0.4,0.5,0.6,0.7").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        List<String> papers = sample(Path.of("src/main/resources/sample/days"));
        System.out.printf("%s, query prefix %s, %d sample papers; %s%n", model.displayName(), prefix ? "on" : "off",
                papers.size(), Machine.describe());
        try (Embedder embedder = new Embedder(model, Embedder.Settings.of(model), prefix)) {
            List<float[]> vectors = embedder.embedAll(papers);
            StringBuilder head = new StringBuilder(String.format("%-32s %6s", "query", "best"));
            for (double f : floors) {
                head.append(String.format(" %6s", "≥" + f));
            }
            System.out.println(head);
            for (String query : QUERIES) {
                float[] q = embedder.embedQuery(query);
                double[] cosines = vectors.stream().mapToDouble(v -> Vectors.dot(q, v)).toArray();
                StringBuilder line = new StringBuilder(String.format("%-32s %6.3f", query,
                        java.util.Arrays.stream(cosines).max().orElse(-1)));
                for (double f : floors) {
                    line.append(String.format(" %6d", java.util.Arrays.stream(cosines).filter(c -> c >= f).count()));
                }
                System.out.println(line);
            }
        }
    }

    /** Title + abstract of each distinct paper in the sample's day files. */
    private static List<String> sample(Path days) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> texts = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(days)) {
            listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            for (JsonNode entry : json.readTree(file.toFile())) {
                JsonNode paper = entry.path("paper");
                texts.putIfAbsent(paper.path("id").asText(), PaperText.of(paper.path("title").asText(), paper.path("summary").asText()));
            }
        }
        return List.copyOf(texts.values());
    }
}
