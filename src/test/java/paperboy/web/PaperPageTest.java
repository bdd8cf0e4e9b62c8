package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import paperboy.web.pages.PaperPage;

/**
 * The paper page's record is built in one place from many values: if two of its parts had the
 * same type, passing them in the wrong order would compile and show, say, the PDF link as the
 * arXiv page. Each part having a type of its own makes such a mix-up a compile error.
 */
class PaperPageTest {
    @Test
    void noTwoPartsOfThePaperPageHaveTheSameType() {
        var types = Arrays.stream(PaperPage.class.getRecordComponents())
                .map(RecordComponent::getGenericType).map(Object::toString).toList();

        assertThat(types).doesNotHaveDuplicates();
    }
}
