package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetScorerTest {
    private static final String[] WORDS = {"attention", "graph", "diffusion", "token", "expert"};

    @Test
    void scoresEveryPassageExactlyAsLucenesScorerDoes() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        SnippetScorer ours = new SnippetScorer();
        for (int round = 0; round < 2_000; round++) {
            Passage passage = randomPassage(random);
            int contentLength = passage.getEndOffset() + random.nextInt(2_000);

            assertThat(ours.score(passage, contentLength))
                    .as("passage %s", passage)
                    .isEqualTo(lucene.score(passage, contentLength));
        }
    }

    @Test
    void aPassageWithoutMatchesScoresNothing() {
        Passage passage = new Passage();
        passage.setStartOffset(10);
        passage.setEndOffset(90);

        assertThat(new SnippetScorer().score(passage, 500)).isZero();
    }

    private static Passage randomPassage(Random random) {
        Passage passage = new Passage();
        int start = random.nextInt(1_000);
        int length = 20 + random.nextInt(300);
        passage.setStartOffset(start);
        passage.setEndOffset(start + length);
        int matches = random.nextInt(12);
        for (int i = 0; i < matches; i++) {
            int at = start + i * length / Math.max(1, matches);
            String word = WORDS[random.nextInt(WORDS.length)];
            // A fresh BytesRef per match, as the highlighter hands them over: equal bytes, other objects.
            passage.addMatch(at, at + word.length(), new BytesRef(word), 1 + random.nextInt(9));
        }
        return passage;
    }
}
