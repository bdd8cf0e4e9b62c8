package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

/** What the embedder's libraries may say on the console, under the shipped logback.xml. */
class EmbedderLogTest {

    private static LoggerContext shippedConfiguration() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(EmbedderLogTest.class.getClassLoader().getResource("logback.xml"));
        return context;
    }

    @Test
    void djlsGpuProbeDoesNotWarnOnAMachineWithoutAGpu() throws Exception {
        // DJL probes CUDA when its tokenizer loads and warns "Failed to detect GPU count" wherever
        // a CUDA runtime is installed without a usable GPU; the embedder runs on the CPU anyway.
        LoggerContext context = shippedConfiguration();
        assertThat(context.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled()).isFalse();
        assertThat(context.getLogger("ai.djl.util.cuda.CudaUtils").isErrorEnabled()).isTrue();
    }

    @Test
    void djlKeepsItsNativeLibraryNotesToItselfButStillWarns() throws Exception {
        LoggerContext context = shippedConfiguration();
        assertThat(context.getLogger("ai.djl.util.Platform").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("ai.djl.huggingface.tokenizers.jni.LibUtils").isWarnEnabled()).isTrue();
    }

    @Test
    void theTokenizerNeverDownloadsItsNativeLibrary() {
        // Offline, DJL takes the CPU native from the jar even on a GPU machine, where it would
        // otherwise fetch a CUDA build of it.
        TestEmbedder.shared().embed("load the model");
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }
}
