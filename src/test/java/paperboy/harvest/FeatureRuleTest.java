package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.config.ConfigException;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;

/** Which papers the auto-feature rule picks. */
class FeatureRuleTest {
    private static final Paper CL = paper("2401.00001", "Retrieval-augmented transformers for long documents", "cs.CL", "cs.LG");
    private static final Paper TH = paper("2401.00002", "Black holes and strings", "hep-th");

    private static Paper paper(String id, String title, String... categories) {
        return new Paper(new ArxivId(id), 1, title, "We study " + title.toLowerCase() + ".", List.of("Ada Lovelace"),
                List.of(categories), null, null, null, null, null);
    }

    @Test
    void offPicksNothing() {
        assertThat(FeatureRule.off().matches(CL)).isFalse();
        assertThat(FeatureRule.of(List.of(), " ").isOff()).isTrue();
    }

    @Test
    void anyListedCategoryOrItsArchivePicksThePaper() {
        assertThat(FeatureRule.of(List.of("cs.LG"), null).matches(CL)).isTrue();
        assertThat(FeatureRule.of(List.of("cs"), null).matches(CL)).isTrue();
        assertThat(FeatureRule.of(List.of("cs.C"), null).matches(CL)).isFalse();
        assertThat(FeatureRule.of(List.of("cs.CL", "math.AG"), null).matches(TH)).isFalse();
    }

    @Test
    void theQueryMustMatchTooWithEnglishStemming() {
        assertThat(FeatureRule.of(List.of("cs.CL"), "transformer").matches(CL)).isTrue();
        assertThat(FeatureRule.of(List.of("cs.CL"), "diffusion").matches(CL)).isFalse();
        assertThat(FeatureRule.of(List.of(), "\"black holes\"").matches(TH)).isTrue();
        assertThat(FeatureRule.of(List.of(), "authors:lovelace AND strings").matches(TH)).isTrue();
    }

    @Test
    void aQueryThatDoesNotParseIsAConfigurationError() {
        assertThatThrownBy(() -> FeatureRule.of(List.of(), "title:(unclosed"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid PAPERBOY_FEATURE_QUERY=title:(unclosed");
    }
}
