package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelFilesTest {

    private final ModelFiles miniLm = new ModelFiles("all-minilm-l6-v2-q");

    @Test
    void theModelAndItsTokenizerComeFromModelsSlashName() throws Exception {
        byte[] model = miniLm.model();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = environment.createSession(model, options)) {
            assertThat(session.getInputNames()).contains("input_ids", "attention_mask");
        }
        try (InputStream tokenizer = miniLm.tokenizer()) {
            assertThat(new String(tokenizer.readAllBytes(), StandardCharsets.UTF_8)).contains("\"WordPiece\"");
        }
    }

    @Test
    void noClassOfTheArtifactThatPublishesTheModelIsOnTheClasspath() {
        // The build copies only the model's files out of it; its classes (and langchain4j's ONNX
        // wrappers) must not come back as a dependency.
        assertThat(ModelFilesTest.class.getClassLoader().getResource("dev/langchain4j")).isNull();
    }

    @Test
    void aMissingModelSaysWhatIsMissing() {
        assertThatThrownBy(new ModelFiles("no-such-model")::model)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("models/no-such-model/model.onnx");
    }

    @Test
    void aNameIsOneFolder() {
        assertThatThrownBy(() -> new ModelFiles("../secrets")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelFiles("")).isInstanceOf(IllegalArgumentException.class);
    }
}
