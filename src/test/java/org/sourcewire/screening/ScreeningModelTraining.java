package org.sourcewire.screening;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.evaluation.EvaluationResult;
import org.sourcewire.evaluation.LabelledSet;
import org.sourcewire.evaluation.ScreeningEvaluator;
import org.sourcewire.pitches.PitchScreening.Draft;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retrains the screening model: screens the corpus's training split through the real pipeline (so each pitch's
 * signals are measured exactly as in production, in arrival order), fits a logistic regression on the standardised
 * signals with Tribuo, chooses the flag threshold on the validation split (screened separately, so it sees only its
 * own earlier pitches, as the test split will) and the training split's predictions with each writer left out, and writes {@code src/main/resources/screening/model.json}. The test
 * split is not read. Run by {@code ./mvnw -Ptrain-screening verify}; deterministic for the same corpus and code.
 */
@Tag("train")
class ScreeningModelTraining extends IntegrationTest {

    private static final Path MODEL = Path.of("src/main/resources", ScreeningModel.RESOURCE);

    private static final long SEED = 20261206L;

    @Autowired
    ScreeningEvaluator evaluator;

    @Autowired
    JsonMapper json;

    @Autowired
    PitchSignals pitchSignals;

    /** The pitches' wordings ({@link PitchSignals.Measured#wording}) by pitch id, measured as each split is screened. */
    private final Map<String, float[]> wordings = new HashMap<>();

    @Test
    void trainsTheModelOnTheTrainingSplitAndChoosesItsThresholdOnTheValidationSplit() throws Exception {
        // The corpus's training split and the older labelled set (another writer: more than one hand's "good").
        EvaluationResult train = new EvaluationResult(java.util.stream.Stream.concat(
                screen("/screening/corpus/train.json").pitches().stream(),
                screen("/screening/evaluation.json").pitches().stream()).toList());
        EvaluationResult validation = screen("/screening/corpus/validation.json");
        List<Signal> signals = Arrays.asList(Signal.values());

        // First the wording model (a logistic regression over each pitch's wording, PitchSignals#wording). The combiner
        // learns how far to trust it from training pitches judged by wording models fitted without their writer's
        // pitches (a writer's queries share templates and turns of phrase, so leaving out one query is not enough),
        // as a pitch from a new hand will be. So are validation pitches, for the threshold and the figures printed here:
        // every validation writer also wrote training queries, and the wording model fitted on all would be surer of
        // them than of a new hand (the evaluation command, like the app, uses the one fitted on all). The combiner's
        // cross-validation leaves out one writer at a time, but the other writers' wording values it fits on come from
        // models that saw the held-out writer; the independent sets, holdout-*.json, are the new-hand figures.
        Map<String, Object> wording = fitWording(train.pitches());
        ScreeningModel wordingOnly = wordingModel(wording);
        Map<String, Double> outOfWriter = new HashMap<>();
        for (String writer : train.pitches().stream().map(p -> writer(p.query())).distinct().sorted().toList()) {
            ScreeningModel without = wordingModel(fitWording(train.pitches().stream()
                    .filter(p -> !writer(p.query()).equals(writer)).toList()));
            java.util.stream.Stream.concat(train.pitches().stream(), validation.pitches().stream())
                    .filter(p -> writer(p.query()).equals(writer))
                    .forEach(p -> outOfWriter.put(p.id(), without.wording(wordings.get(p.id()))));
        }
        train = withWording(train, p -> outOfWriter.get(p.id()));
        validation = withWording(validation, p -> outOfWriter.containsKey(p.id()) ? outOfWriter.get(p.id())
                : wordingOnly.wording(wordings.get(p.id())));
        System.out.printf(Locale.ROOT, "Wording model alone, ROC AUC: training split out of writer %.3f, validation %.3f%n",
                rocAuc(wordingJudged(train)), rocAuc(wordingJudged(validation)));

        Map<String, Object> model = fit(train.pitches(), signals);
        model.put("wording", wording);
        model.put("about", "Screening model: logistic regression over standardised signals; badness = "
                + "1 / (1 + exp(-(bias + sum(weight * (value - mean) / scale)))); flagged from the threshold. The wording "
                + "signal is itself a logistic regression over the pitch's wording (PitchSignals.Measured#wording): "
                + "bias + sum(weights * wording), within +-8. Rebuild with ./mvnw -Ptrain-screening verify.");
        model.put("trainedAt", Instant.now().toString());
        model.put("trainedOn", train.pitches().size() + " pitches: the corpus's training split and evaluation.json");
        ScreeningModel candidate = new ScreeningModel(json.valueToTree(model));

        // The threshold: the best F1 (ties: the higher precision) over the validation split and the training split's
        // out-of-fold predictions together (each training pitch judged by a model fitted without its writer).
        Map<String, Object> crossValidation = new LinkedHashMap<>();
        List<Judged> pooled = new ArrayList<>(crossValidate(train, signals, crossValidation));
        validation.pitches().forEach(pitch -> pooled.add(judged(pitch, signals, candidate)));
        // The threshold: the best F1 among those with a precision of at least 0.9 (a flagged pitch is hidden from the
        // journalist by default, so precision comes first); where none reaches it, simply the best F1.
        double bestThreshold = 0.5;
        double[] best = { -1, -1, -1 };
        double[] bestF1 = { -1, -1, -1 };
        double f1Threshold = 0.5;
        for (int step = 5; step <= 95; step++) {
            double threshold = step / 100.0;
            double[] figures = figures(pooled, threshold);
            if (figures[0] >= 0.9 && figures[2] > best[2] + 1e-9) {
                best = figures;
                bestThreshold = threshold;
            }
            if (figures[2] > bestF1[2] + 1e-9) {
                bestF1 = figures;
                f1Threshold = threshold;
            }
        }
        if (best[0] < 0) {
            bestThreshold = f1Threshold;
        }
        List<Judged> validated = validation.pitches().stream().map(p -> judged(p, signals, candidate)).toList();
        List<Judged> outOfFoldJudged = pooled.subList(0, pooled.size() - validation.pitches().size());
        double[] onValidation = figures(validated, bestThreshold);
        double[] outOfFold = figures(outOfFoldJudged, bestThreshold);
        model.put("threshold", bestThreshold);
        Map<String, Object> validationFigures = new LinkedHashMap<>();
        validationFigures.put("pitches", validation.pitches().size());
        validationFigures.put("precision", round(onValidation[0]));
        validationFigures.put("recall", round(onValidation[1]));
        validationFigures.put("f1", round(onValidation[2]));
        validationFigures.put("rocAuc", round(rocAuc(validated)));
        model.put("validation", validationFigures);
        crossValidation.put("precision", round(outOfFold[0]));
        crossValidation.put("recall", round(outOfFold[1]));
        crossValidation.put("f1", round(outOfFold[2]));
        crossValidation.put("rocAuc", round(rocAuc(outOfFoldJudged)));
        model.put("crossValidation", crossValidation);
        best = onValidation;
        Files.createDirectories(MODEL.getParent());
        Files.writeString(MODEL, json.writerWithDefaultPrettyPrinter().writeValueAsString(model) + "\n");
        System.out.printf(Locale.ROOT, "%nScreening model written to %s: threshold %.2f; validation precision %.2f, "
                + "recall %.2f, F1 %.2f, ROC AUC %.3f; cross-validation precision %.2f, recall %.2f, F1 %.2f, "
                + "ROC AUC %.3f%n%s%n", MODEL, bestThreshold, best[0], best[1], best[2], rocAuc(validated),
                outOfFold[0], outOfFold[1], outOfFold[2], rocAuc(outOfFoldJudged),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(model.get("signals")));
        System.out.printf(Locale.ROOT, "Flagged per kind at %.2f: validation %s; cross-validation %s%n", bestThreshold,
                perKind(validated, bestThreshold), perKind(outOfFoldJudged, bestThreshold));
    }

    /** Per label, how many of its pitches are flagged at this threshold ("good 3/60" are good pitches wrongly flagged). */
    private static String perKind(List<Judged> judged, double threshold) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (Judged pitch : judged) {
            int[] count = counts.computeIfAbsent(pitch.label(), label -> new int[2]);
            count[0] += pitch.badness() >= threshold || pitch.copy() ? 1 : 0;
            count[1]++;
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((label, count) -> out.append(out.isEmpty() ? "" : ", ").append(label).append(' ')
                .append(count[0]).append('/').append(count[1]));
        return out.toString();
    }

    /** A logistic regression on the standardised signals of these pitches: means, scales, weights and bias. */
    private static Map<String, Object> fit(List<EvaluationResult.Screened> pitches, List<Signal> signals) {
        EvaluationResult train = new EvaluationResult(pitches);
        // Standardise on the training split.
        double[][] x = matrix(train, signals);
        double[] mean = new double[signals.size()];
        double[] scale = new double[signals.size()];
        for (int j = 0; j < signals.size(); j++) {
            for (double[] row : x) {
                mean[j] += row[j] / x.length;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
            scale[j] = variance == 0 ? 1 : Math.sqrt(variance);
        }

        LabelFactory labels = new LabelFactory();
        String[] names = signals.stream().map(Signal::key).toArray(String[]::new);
        List<org.tribuo.Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] standardised = new double[signals.size()];
            for (int j = 0; j < signals.size(); j++) {
                standardised[j] = (x[i][j] - mean[j]) / scale[j];
            }
            examples.add(new ArrayExample<>(new Label(bad(train.pitches().get(i)) ? "bad" : "good"), names, standardised));
        }
        Model<Label> fitted = logisticRegression(examples, labels, "training split");

        // The weights, read back from the fitted model itself: the log-odds of "bad" one standard deviation either side
        // of the average on one signal at a time give that signal's weight and the bias.
        double[] weight = new double[signals.size()];
        double biasSum = 0;
        for (int j = 0; j < signals.size(); j++) {
            double up = logOdds(fitted, names, j, 1);
            double down = logOdds(fitted, names, j, -1);
            weight[j] = (up - down) / 2;
            biasSum += (up + down) / 2;
        }
        Map<String, Object> signalWeights = new LinkedHashMap<>();
        for (int j = 0; j < signals.size(); j++) {
            String key = signals.get(j).key();
            Map<String, Object> one = new LinkedHashMap<>(); // in a fixed order, so retraining diffs line by line
            one.put("weight", round(weight[j]));
            one.put("mean", round(mean[j]));
            one.put("scale", round(scale[j]));
            signalWeights.put(key, one);
        }
        double bias = biasSum / signals.size();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("bias", round(bias));
        model.put("signals", signalWeights);
        model.put("threshold", 0.5);
        return model;
    }

    /** The fitted model's log-odds of "bad" for a pitch average on every signal but one, {@code value} on that one. */
    private static double logOdds(Model<Label> model, String[] names, int signal, double value) {
        double[] values = new double[names.length];
        values[signal] = value;
        double bad = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values)).getOutputScores()
                .get("bad").getScore();
        double clamped = Math.min(1 - 1e-12, Math.max(1e-12, bad));
        return Math.log(clamped / (1 - clamped));
    }

    /** A pitch's label and what a model made of it; {@code copy}: flagged whatever the model says (copy, template). */
    private record Judged(String label, boolean bad, double badness, boolean copy) {
    }

    private static Judged judged(EvaluationResult.Screened pitch, List<Signal> signals, ScreeningModel model) {
        if (pitch.signals().isEmpty()) {
            return new Judged(pitch.label(), bad(pitch), 1, false); // refused by the pitch form
        }
        Map<Signal, Double> values = new java.util.EnumMap<>(Signal.class);
        signals.forEach(signal -> values.put(signal, pitch.signals().getOrDefault(signal.key(), 0.0)));
        return new Judged(pitch.label(), bad(pitch), model.judge(values).badness(),
                values.get(Signal.COPY) > 0 || values.get(Signal.TEMPLATE) >= ScreeningService.TEMPLATE_QUERIES);
    }

    /**
     * Cross-validation by writer on the training split: each pitch judged by a model fitted on the other writers'
     * pitches, as a pitch from a new hand will be (a writer's queries share turns of phrase, so folds by query would
     * judge each pitch by a model that knows its writer). The judgements, in the split's order; the folds' count goes
     * into {@code about}.
     */
    private List<Judged> crossValidate(EvaluationResult train, List<Signal> signals, Map<String, Object> about) {
        List<String> writers = train.pitches().stream().map(p -> writer(p.query())).distinct().sorted().toList();
        Map<EvaluationResult.Screened, Judged> judged = new java.util.IdentityHashMap<>();
        for (String writer : writers) {
            List<EvaluationResult.Screened> fitOn = train.pitches().stream()
                    .filter(p -> !writer(p.query()).equals(writer)).toList();
            ScreeningModel model = new ScreeningModel(json.valueToTree(fit(fitOn, signals)));
            train.pitches().stream().filter(p -> writer(p.query()).equals(writer))
                    .forEach(p -> judged.put(p, judged(p, signals, model)));
        }
        about.put("folds", writers.size());
        about.put("by", "writer");
        return train.pitches().stream().map(judged::get).toList();
    }

    /** One split screened on its own: screening's memory of earlier pitches is cleared first. */
    private EvaluationResult screen(String file) throws Exception {
        for (String memory : List.of("pitch_meaning_band", "pitch_meaning", "pitch_band", "pitch_signature")) {
            jdbc.sql("delete from " + memory).update();
        }
        LabelledSet set;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            set = LabelledSet.read(json.readTree(in));
        }
        EvaluationResult result = evaluator.evaluate(set);
        // Each pitch's wording, measured as screening measures it (nothing seen before: the wording does not depend on it).
        Map<String, LabelledSet.Query> queries = new HashMap<>();
        set.queries().forEach(query -> queries.put(query.id(), query));
        for (LabelledSet.Pitch pitch : set.pitches()) {
            LabelledSet.Query query = queries.get(pitch.query());
            Draft draft = new Draft(null, 0, 0, query.headline(), query.questions(), query.requirements(),
                    pitch.answers(), null);
            wordings.put(pitch.id(), pitchSignals.measure(draft, new PitchSignals.Seen(0, 0, 0, 0, 0)).wording());
        }
        System.out.println("\n" + file + " as screened now:\n" + result.summary());
        // Every pitch's signals and label, for studying other combiners without screening again.
        Path signals = Path.of("target/screening-signals", Path.of(file).getFileName().toString());
        Files.createDirectories(signals.getParent());
        Files.writeString(signals, json.writeValueAsString(result.pitches()));
        // A pitch the form refuses (over the word limit) has no signals to learn from.
        return new EvaluationResult(result.pitches().stream().filter(pitch -> !pitch.signals().isEmpty()).toList());
    }

    /** Precision, recall and F1 of flagging at this threshold, flagging as production does (copies always). */
    private static double[] figures(List<Judged> judged, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Judged pitch : judged) {
            boolean flagged = pitch.badness() >= threshold || pitch.copy();
            if (flagged && pitch.bad()) {
                tp++;
            }
            else if (flagged) {
                fp++;
            }
            else if (pitch.bad()) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] { precision, recall, f1 };
    }

    /**
     * The ROC AUC of the score (100 times the chance of good, rounded, as the app stores it): the chance that a bad
     * pitch scores below a good one, ties counting half, as {@code EvaluationResult} reckons it.
     */
    private static double rocAuc(List<Judged> judged) {
        List<Long> good = judged.stream().filter(j -> !j.bad()).map(j -> Math.round(100 * (1 - j.badness()))).toList();
        List<Long> bad = judged.stream().filter(Judged::bad).map(j -> Math.round(100 * (1 - j.badness()))).toList();
        double wins = 0;
        for (long b : bad) {
            for (long g : good) {
                wins += b < g ? 1 : b == g ? 0.5 : 0;
            }
        }
        return good.isEmpty() || bad.isEmpty() ? Double.NaN : wins / ((double) good.size() * bad.size());
    }

    /** Whose hand a query is from: its id without the number ("c04" is writer c's; evaluation.json's "q07" is
     * keyed "q", a different hand from holdout-q.json's, which is never trained on). */
    private static String writer(String query) {
        return query.replaceAll("[0-9]+$", "");
    }

    /** These pitches with their WORDING signal set to the value given (screening stored the old model's). */
    private static EvaluationResult withWording(EvaluationResult result,
            Function<EvaluationResult.Screened, Double> value) {
        return new EvaluationResult(result.pitches().stream().map(p -> {
            Map<String, Double> changed = new LinkedHashMap<>(p.signals());
            Double wording = value.apply(p);
            if (wording == null) {
                changed.remove(Signal.WORDING.key());
            }
            else {
                changed.put(Signal.WORDING.key(), wording);
            }
            return new EvaluationResult.Screened(p.id(), p.query(), p.label(), p.score(), p.flagged(), p.reasons(),
                    changed);
        }).toList());
    }

    /** The pitches as judged by their WORDING signal alone (for its ROC AUC). */
    private static List<Judged> wordingJudged(EvaluationResult result) {
        return result.pitches().stream().map(p -> new Judged(p.label(), bad(p),
                1 / (1 + Math.exp(-p.signals().getOrDefault(Signal.WORDING.key(), 0.0))), false)).toList();
    }

    /**
     * The wording model: an L2-regularised logistic regression (liblinear, C = 1, as the combiner) of "bad" on the
     * pitches' wordings, its weights and bias read back from the fitted model (it is linear in the log-odds).
     */
    private Map<String, Object> fitWording(List<EvaluationResult.Screened> pitches) {
        int dimensions = 2 * Embeddings.DIMENSIONS;
        String[] names = new String[dimensions];
        for (int i = 0; i < dimensions; i++) {
            names[i] = String.format(Locale.ROOT, "w%04d", i);
        }
        LabelFactory labels = new LabelFactory();
        List<org.tribuo.Example<Label>> examples = new ArrayList<>();
        for (EvaluationResult.Screened pitch : pitches) {
            float[] wording = wordings.get(pitch.id());
            if (wording == null) {
                continue; // nothing answered: no wording to learn from
            }
            double[] values = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                values[i] = wording[i];
            }
            examples.add(new ArrayExample<>(new Label(bad(pitch) ? "bad" : "good"), names, values));
        }
        Model<Label> fitted = logisticRegression(examples, labels, "wordings");
        double bias = logOdds(fitted, names, 0, 0);
        List<Double> weights = new ArrayList<>(dimensions);
        for (int i = 0; i < dimensions; i++) {
            weights.add(round(logOdds(fitted, names, i, 1) - bias));
        }
        Map<String, Object> wording = new LinkedHashMap<>();
        wording.put("bias", round(bias));
        wording.put("weights", weights);
        return wording;
    }

    /** An L2-regularised logistic regression solved to its optimum (liblinear's trust-region Newton method), C = 1. */
    private static Model<Label> logisticRegression(List<org.tribuo.Example<Label>> examples, LabelFactory labels,
            String what) {
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, labels,
                new SimpleDataSourceProvenance("Sourcewire screening corpus, " + what, labels)));
        return new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1_000, 1e-4, SEED)
                .train(dataset);
    }

    /** A model of the wording alone, for its WORDING values. */
    private ScreeningModel wordingModel(Map<String, Object> wording) {
        return new ScreeningModel(json.valueToTree(Map.of("bias", 0, "threshold", 0.5, "signals", Map.of(),
                "wording", wording)));
    }

    private static double[][] matrix(EvaluationResult result, List<Signal> signals) {
        return result.pitches().stream().map(pitch -> signals.stream()
                .mapToDouble(signal -> pitch.signals().getOrDefault(signal.key(), 0.0)).toArray())
                .toArray(double[][]::new);
    }

    private static boolean bad(EvaluationResult.Screened pitch) {
        return !LabelledSet.GOOD.equals(pitch.label());
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
