package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Tokens analysed once and replayed are the tokens that analysing the text again would give. */
class AnalysedTextTest {
    private static final String TITLE = "Attention Is All You Need";
    private static final String SUMMARY = "The dominant sequence transduction models are based on complex recurrent networks.";

    private final Analyzer analyzer = PaperDocuments.analyzer();

    @Test
    void aReplayGivesTheSameTermsAndOffsetsAsAnalysis() throws IOException {
        AnalysedText summary = AnalysedText.of(analyzer, PaperDocuments.SUMMARY, SUMMARY);

        assertThat(tokens(summary.stream())).isEqualTo(tokens(analyzer.tokenStream(PaperDocuments.SUMMARY, SUMMARY)));
        assertThat(tokens(summary.stream())).isEqualTo(tokens(summary.stream())); // replayable
    }

    @Test
    void theJoinedReplayEqualsAnalysingTitleSpaceAbstract() throws IOException {
        AnalysedText title = AnalysedText.of(analyzer, PaperDocuments.TITLE, TITLE);
        AnalysedText summary = AnalysedText.of(analyzer, PaperDocuments.SUMMARY, SUMMARY);

        List<String> joined = tokens(AnalysedText.joined(title, summary));

        assertThat(joined).isEqualTo(tokens(analyzer.tokenStream(PaperDocuments.TEXT, TITLE + " " + SUMMARY)));
        assertThat(joined).contains("attent@0-9", "domin@30-38");
    }

    /** Each token as term@start-end, then the final offset. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            out.add("end@" + offset.endOffset());
        }
        return out;
    }
}
