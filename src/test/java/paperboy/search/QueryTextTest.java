package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a typed query splits into the keyword query, the text to embed, and category filters. */
class QueryTextTest {
    @Test
    void plainWordsAreBothKeywordsAndMeaning() {
        QueryText text = QueryText.of("attention that scales  linearly");

        assertThat(text.keyword()).isEqualTo("attention that scales linearly");
        assertThat(text.meaning()).isEqualTo("attention that scales linearly");
        assertThat(text.categories()).isEmpty();
    }

    @Test
    void fieldTermsBecomeRequiredUnderTheIndexsFieldNamesAndLeaveTheMeaning() {
        QueryText text = QueryText.of("author:hinton title:\"deep belief\" abstract:boltzmann learning");

        assertThat(text.keyword()).isEqualTo("+authors:hinton +title:\"deep belief\" +summary:boltzmann learning");
        assertThat(text.meaning()).isEqualTo("learning");
    }

    @Test
    void categoriesAreTakenOutAsFiltersAndExcludedOnesStayExclusions() {
        QueryText text = QueryText.of("diffusion cat:cs.CV CAT:\"stat.ML\" -cat:cs.GR");

        assertThat(text.categories()).isEqualTo(List.of("cs.cv", "stat.ml"));
        assertThat(text.keyword()).isEqualTo("diffusion -category:cs.GR");
        assertThat(text.meaning()).isEqualTo("diffusion");
    }

    @Test
    void exclusionsOperatorsAndQuotesAreNotPartOfTheMeaning() {
        QueryText text = QueryText.of("\"state space\" AND (mamba OR s4) -transformer");

        assertThat(text.keyword()).isEqualTo("\"state space\" AND (mamba OR s4) -transformer");
        assertThat(text.meaning()).isEqualTo("state space mamba s4");
    }

    @Test
    void unknownFieldsAndUrlsAreLeftToTheParser() {
        QueryText text = QueryText.of("https://arxiv.org/abs/2401.00001 venue:neurips");

        assertThat(text.keyword()).isEqualTo("https:\\/\\/arxiv.org\\/abs\\/2401.00001 venue:neurips");
        assertThat(text.meaning()).isEqualTo("https://arxiv.org/abs/2401.00001 venue:neurips");
    }

    @Test
    void slashesAreOrdinaryCharactersSoNoRegularExpressionIsEverBuilt() {
        QueryText text = QueryText.of("online / offline (CTR/CVR) \"A/B tests\" /[a-z]{1,1000}/");

        assertThat(text.keyword()).isEqualTo("online \\/ offline (CTR\\/CVR) \"A\\/B tests\" \\/[a-z]{1,1000}\\/");
        assertThat(text.meaning()).isEqualTo("online / offline CTR/CVR A/B tests /[a-z]{1,1000}/");
    }

    @Test
    void aSlashTheUserEscapedIsLeftAsItIs() {
        assertThat(QueryText.of("TCP\\/IP a\\\\/b").keyword()).isEqualTo("TCP\\/IP a\\\\\\/b");
    }
}
