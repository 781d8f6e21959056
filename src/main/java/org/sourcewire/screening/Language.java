package org.sourcewire.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sentences, tokens and parts of speech (Universal Dependencies tags: NUM, PROPN, VERB …) of English text, from
 * Apache OpenNLP's English models (UD English Web Treebank). The models are shared; OpenNLP's taggers are not
 * thread-safe, so each thread has its own.
 */
@Component
class Language {

    /** One sentence: its tokens and their tags, in order. */
    record Sentence(List<String> tokens, List<String> tags) {

        int size() {
            return tokens.size();
        }
    }

    private final Supplier<Models> models = SingletonSupplier.of(Models::load);

    private final ThreadLocal<Taggers> taggers = ThreadLocal.withInitial(() -> new Taggers(models.get()));

    /** The text's sentences, tokenised and tagged. */
    List<Sentence> analyse(String text) {
        List<Sentence> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        Taggers tagger = taggers.get();
        for (String sentence : tagger.sentences.sentDetect(text)) {
            String[] tokens = tagger.tokens.tokenize(sentence);
            if (tokens.length == 0) {
                continue;
            }
            String[] tags = tagger.parts.tag(tokens);
            sentences.add(new Sentence(List.of(tokens), List.of(tags)));
        }
        return sentences;
    }

    private record Models(SentenceModel sentences, TokenizerModel tokens, POSModel parts) {

        static Models load() {
            try (InputStream sentences = read("opennlp-en-ud-ewt-sentence-*.bin");
                    InputStream tokens = read("opennlp-en-ud-ewt-tokens-*.bin");
                    InputStream parts = read("opennlp-en-ud-ewt-pos-*.bin")) {
                return new Models(new SentenceModel(sentences), new TokenizerModel(tokens), new POSModel(parts));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("OpenNLP's English models could not be read", ex);
            }
        }

        /** The model file from OpenNLP's model jar (its name carries the model's version). */
        private static InputStream read(String pattern) throws IOException {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
            if (found.length == 0) {
                throw new IllegalStateException("OpenNLP model " + pattern + " is missing from the class path");
            }
            return found[0].getInputStream();
        }
    }

    private static final class Taggers {

        final SentenceDetectorME sentences;
        final TokenizerME tokens;
        final POSTaggerME parts;

        Taggers(Models models) {
            this.sentences = new SentenceDetectorME(models.sentences());
            this.tokens = new TokenizerME(models.tokens());
            this.parts = new POSTaggerME(models.parts(), POSTagFormat.UD);
        }
    }

    static String lower(String token) {
        return token.toLowerCase(Locale.ROOT);
    }
}
