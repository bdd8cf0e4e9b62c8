package paperboy.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The files of one embedding model on the classpath: {@code models/NAME/model.onnx} and {@code
 * models/NAME/tokenizer.json}. The build copies them there out of the artifact that publishes the
 * model (pom.xml, maven-dependency-plugin), so a model is added with one more unpack and no code
 * of that artifact comes along.
 */
record ModelFiles(String name) {

    ModelFiles {
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("bad model name: " + name);
        }
    }

    /** The ONNX graph, read whole (ONNX Runtime takes it as bytes). */
    byte[] model() {
        try (InputStream in = open("model.onnx")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path("model.onnx"), e);
        }
    }

    /** The Hugging Face tokenizer.json; the caller closes it. */
    InputStream tokenizer() {
        return open("tokenizer.json");
    }

    private InputStream open(String file) {
        InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(path(file));
        if (in == null) {
            throw new IllegalStateException(path(file) + " is not on the classpath: the build unpacks it (mvn package)");
        }
        return in;
    }

    private String path(String file) {
        return "models/" + name + "/" + file;
    }
}
