package org.sourcewire.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The trained combiner of a pitch's {@link Signal}s: a logistic regression over the standardised signals, trained on
 * the labelled corpus (see {@code ScreeningModelTraining}) and kept in {@code screening/model.json}. It gives the
 * chance that a pitch is bad; the score is 100 times the chance that it is good, and a pitch is flagged from the
 * threshold chosen on the validation split. Each signal's pull on the score can be said in words.
 */
@Component
class ScreeningModel {

    static final String RESOURCE = "screening/model.json";

    static final double WORDING_LIMIT = 8;

    /**
     * How sure the wording model alone must be, in log-odds, before its verdict is said to the journalist or the source
     * (2: about 88%). Below that it still counts in the score, but "worded like …" would be a guess.
     */
    static final double WORDING_SAID = 2;

    private static final Logger log = LoggerFactory.getLogger(ScreeningModel.class);

    /** One signal's part in the model: its average and spread in the training data, and its weight. */
    record Weight(double mean, double scale, double weight) {

        double standardised(double value) {
            return scale == 0 ? 0 : (value - mean) / scale;
        }
    }

    /** A signal's effect on one pitch: its value, the usual value, and its pull towards "bad" (log-odds). */
    record Pull(Signal signal, double value, double usual, double pull) {
    }

    /** What the model made of a pitch. */
    record Judgement(double badness, int score, boolean flagged, List<Pull> pulls) {
    }

    private final Map<Signal, Weight> weights;
    private final double bias;
    private final double threshold;
    /** The wording model: a logistic regression over a pitch's {@link PitchSignals#wording}, its weights and bias. */
    private final float[] wordingWeights;
    private final double wordingBias;

    ScreeningModel() {
        this(read());
    }

    ScreeningModel(JsonNode model) {
        Map<Signal, Weight> read = new EnumMap<>(Signal.class);
        double readBias = 0;
        double readThreshold = 1.01;
        float[] readWording = new float[0];
        double readWordingBias = 0;
        if (model != null) {
            JsonNode wording = model.get("wording");
            if (wording != null) {
                readWordingBias = wording.get("bias").asDouble();
                if (wording.get("weights").size() != 2 * Embeddings.DIMENSIONS) {
                    throw new IllegalStateException("The screening model's wording has " + wording.get("weights").size()
                            + " weights, not " + 2 * Embeddings.DIMENSIONS + ": retrain it");
                }
                readWording = new float[wording.get("weights").size()];
                for (int i = 0; i < readWording.length; i++) {
                    readWording[i] = (float) wording.get("weights").get(i).asDouble();
                }
            }
            readBias = model.get("bias").asDouble();
            readThreshold = model.get("threshold").asDouble();
            for (Signal signal : Signal.values()) {
                JsonNode node = model.get("signals").get(signal.key());
                if (node != null) {
                    read.put(signal, new Weight(node.get("mean").asDouble(), node.get("scale").asDouble(),
                            node.get("weight").asDouble()));
                }
            }
        }
        this.weights = read;
        this.bias = readBias;
        this.threshold = readThreshold;
        this.wordingWeights = readWording;
        this.wordingBias = readWordingBias;
    }

    /**
     * {@link Signal#WORDING}: the log-odds, by the wording model alone, that a pitch worded like this is bad (within
     * ±{@value #WORDING_LIMIT}); null (the signal left out) without a wording model or when nothing is answered.
     */
    Double wording(float[] wording) {
        if (wordingWeights.length == 0 || wording == null) {
            return null;
        }
        double logit = wordingBias;
        for (int i = 0; i < wording.length; i++) {
            logit += wordingWeights[i] * wording[i];
        }
        return Math.max(-WORDING_LIMIT, Math.min(WORDING_LIMIT, logit));
    }

    Judgement judge(Map<Signal, Double> values) {
        double logit = bias;
        List<Pull> pulls = new ArrayList<>();
        for (Map.Entry<Signal, Weight> entry : weights.entrySet()) {
            Double value = values.get(entry.getKey());
            if (value == null) {
                continue;
            }
            Weight weight = entry.getValue();
            double pull = weight.weight() * weight.standardised(value);
            logit += pull;
            pulls.add(new Pull(entry.getKey(), value, weight.mean(), pull));
        }
        pulls.sort(Comparator.comparingDouble((Pull p) -> Math.abs(p.pull())).reversed());
        double badness = 1 / (1 + Math.exp(-logit));
        int score = (int) Math.round(100 * (1 - badness));
        return new Judgement(badness, score, badness >= threshold, List.copyOf(pulls));
    }

    /**
     * How many points one pull is worth: how far that signal alone moves an undecided pitch (score 50), so within ±50.
     * Not "the score without it": where several signals each say "bad" loudly enough on their own (a score of 0), none
     * is needed for the score and each would read 0 points, as if nothing had been found.
     */
    static int points(Pull pull) {
        return (int) Math.round(100 * (0.5 - 1 / (1 + Math.exp(-pull.pull()))));
    }

    private static JsonNode read() {
        ClassPathResource resource = new ClassPathResource(RESOURCE);
        if (!resource.exists()) {
            log.warn("No screening model ({}): every pitch scores 50 and none is flagged until one is trained", RESOURCE);
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The screening model could not be read", ex);
        }
    }
}
