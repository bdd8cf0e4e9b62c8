package paperboy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The captured data in {@code src/test/resources/fixtures/} (see its README), copied where a test may change it. */
public final class Fixtures {
    private Fixtures() {}

    /** Copies a fixture file or folder (e.g. {@code hf-days}) into {@code dir}; returns the copy. */
    public static Path copy(String fixture, Path dir) {
        Path source = path(fixture);
        Path target = dir.resolve(source.getFileName().toString());
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static Path path(String fixture) {
        URL url = Fixtures.class.getResource("/fixtures/" + fixture);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + fixture + " in src/test/resources/fixtures");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
