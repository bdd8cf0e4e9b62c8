package paperboy.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A retrieval benchmark in BEIR's layout: {@code corpus.jsonl} ({@code _id, title, text}),
 * {@code queries.jsonl} ({@code _id, text}) and {@code qrels/<split>.tsv} (a header line, then
 * {@code query-id, corpus-id, score} separated by tabs). The corpus is streamed, never held.
 */
public record BeirDataset(Path dir) {

    /** One document of the corpus. */
    public record Document(String id, String title, String text) {
    }

    /** One query to evaluate. */
    public record Query(String id, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public BeirDataset {
        if (!Files.isRegularFile(dir.resolve("corpus.jsonl")) || !Files.isRegularFile(dir.resolve("queries.jsonl"))) {
            throw new IllegalArgumentException(dir + " is not a BEIR dataset: corpus.jsonl and queries.jsonl are needed");
        }
    }

    /** The dataset's name: its folder's name, as BEIR names them ({@code scifact}). */
    public String name() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The corpus in file order; close the stream (try-with-resources) when done. */
    public Stream<Document> documents() {
        return jsonLines(dir.resolve("corpus.jsonl"))
                .map(node -> new Document(node.path("_id").asText(), node.path("title").asText(""), node.path("text").asText("")));
    }

    /** Relevance judgments of a split: query id to (document id to graded score), in file order. */
    public Map<String, Map<String, Integer>> qrels(String split) {
        Path file = dir.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no split '" + split + "': " + file + " is missing");
        }
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line != null && !line.startsWith("query-id")) {
                addJudgment(qrels, line, file);
            }
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    addJudgment(qrels, line, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return qrels;
    }

    /** The queries that have judgments in the split, in queries.jsonl order. */
    public List<Query> queries(String split) {
        Map<String, Map<String, Integer>> judged = qrels(split);
        List<Query> queries = new ArrayList<>();
        try (Stream<JsonNode> lines = jsonLines(dir.resolve("queries.jsonl"))) {
            lines.map(node -> new Query(node.path("_id").asText(), node.path("text").asText("")))
                    .filter(query -> judged.containsKey(query.id()))
                    .forEach(queries::add);
        }
        return queries;
    }

    private static void addJudgment(Map<String, Map<String, Integer>> qrels, String line, Path file) {
        String[] fields = line.strip().split("\t");
        if (fields.length < 3) {
            throw new IllegalArgumentException(file + ": expected 'query-id<TAB>corpus-id<TAB>score', got '" + line + "'");
        }
        qrels.computeIfAbsent(fields[0], q -> new HashMap<>()).put(fields[1], Integer.parseInt(fields[2].strip()));
    }

    private static Stream<JsonNode> jsonLines(Path file) {
        try {
            return Files.lines(file, StandardCharsets.UTF_8)
                    .filter(line -> !line.isBlank())
                    .map(BeirDataset::parse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("bad JSON line: " + line.substring(0, Math.min(80, line.length())), e);
        }
    }
}
