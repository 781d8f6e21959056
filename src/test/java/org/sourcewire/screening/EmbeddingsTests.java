package org.sourcewire.screening;

import java.util.List;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our encoder (ONNX Runtime, OpenNLP word pieces) against langchain4j's own encoder of the same model, which uses
 * Hugging Face's tokenizer: the same texts must come out with the same meaning.
 */
class EmbeddingsTests {

    private static final List<String> TEXTS = List.of(
            "Mozzarella went from 7.80 to 9.40 a kilo this year, so we put the margherita up by a euro.",
            "From the pharmacy counter, the change is volume: we now fill weekly semaglutide pens.",
            "Happy to go into this on a call.",
            "It's important to consider a holistic approach that balances cost, quality and customer needs.",
            "Naïve café owners in Zürich — and São Paulo — don't always know the rules (yet)!",
            "Last March a client of ours in Leeds lost £12,000 to a fake invoice; the bank refunded nothing.",
            "Wir haben 2023 unsere Preise zweimal erhöht. 东京 prices too.",
            "I am CPA since 2009, I see many small shop owner who are not understand card fees well.",
            "");

    private final Embeddings ours = new Embeddings();
    private final AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Test
    void givesTheSameMeaningAsTheReferenceEncoderOfTheModel() {
        for (String text : TEXTS.subList(0, TEXTS.size() - 1)) {
            float[] expected = reference.embed(text).content().vector();
            float[] actual = ours.embed(text);
            assertThat(Embeddings.cosine(expected, actual)).as(text).isGreaterThan(0.995);
        }
    }

    @Test
    void closeMeaningsAreCloserThanDistantOnes() {
        float[] question = ours.embed("What did cheese cost your pizzeria this year?");
        float[] answer = ours.embed(TEXTS.get(0));
        float[] deflection = ours.embed(TEXTS.get(2));

        assertThat(Embeddings.cosine(question, answer)).isGreaterThan(Embeddings.cosine(question, deflection) + 0.15);
    }

    @Test
    void anEmptyTextHasNoMeaningAndALongOneIsEmbeddedWhole() {
        assertThat(ours.embed("")).containsOnly(0f);
        String longText = String.join(" ", java.util.Collections.nCopies(60, TEXTS.get(0)));
        float[] embedded = ours.embed(longText);
        assertThat(Embeddings.cosine(embedded, ours.embed(TEXTS.get(0)))).isGreaterThan(0.75);
    }

    @Test
    void aStopWhileTextsAreEmbeddedWaitsForTheRunInProgressAndLaterRunsFailInsteadOfCrashing() throws Exception {
        // A stop during screening once closed the session under a running embedding: a crash in native code.
        Embeddings stopping = new Embeddings();
        stopping.embed("warm up");
        String longText = String.join(" ", java.util.Collections.nCopies(20, TEXTS.get(1)));
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> screening = thread.submit(() -> {
                while (true) {
                    stopping.embed(longText);
                }
            });
            Thread.sleep(300);
            stopping.destroy();

            assertThatThrownBy(screening::get).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the app is stopping");
            assertThatThrownBy(() -> stopping.embed("after the stop")).isInstanceOf(IllegalStateException.class);
        }
        finally {
            thread.shutdownNow();
        }
    }
}
