package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorListTest {
    @Test
    void splitsAtCommasAndAnd() {
        assertThat(AuthorList.split("Valeria M. Rosa and Patricio S. letelier"))
                .containsExactly("Valeria M. Rosa", "Patricio S. letelier");
        assertThat(AuthorList.split("D.V. Shetty, S.J. Yennello, and G.A. Souliotis"))
                .containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
    }

    @Test
    void keepsAffiliationsInParenthesesWhole() {
        assertThat(AuthorList.split("A. Smith (MIT, Cambridge and Harvard), B. Jones"))
                .containsExactly("A. Smith (MIT, Cambridge and Harvard)", "B. Jones");
    }

    @Test
    void keepsSuffixesWithTheirName() {
        assertThat(AuthorList.split("John Smith, Jr., Ann Lee")).containsExactly("John Smith, Jr.", "Ann Lee");
    }

    @Test
    void emptyIsNone() {
        assertThat(AuthorList.split(null)).isEmpty();
        assertThat(AuthorList.split("  ")).isEmpty();
    }
}
