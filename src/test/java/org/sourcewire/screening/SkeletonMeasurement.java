package org.sourcewire.screening;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sourcewire.pitches.PitchScreening;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures how well each form of a pitch's meaning separates reworded agency templates ("paraphrased-template")
 * from good pitches: for every pitch, the highest cosine to an earlier pitch of another source in the same file (with
 * {@code -Dpool=true}, also to every training pitch of another source, as a database holding them would), per label,
 * with the ROC AUC of templates against good pitches and the counts above a few thresholds. The forms: today's
 * {@link PitchSignals#meaning}, and skeletons (the answers with some parts of speech replaced by a placeholder,
 * joined or embedded per answer and averaged), each also "centred" (the training split's average vector taken off;
 * other files are centred with the training split's), and each against all earlier pitches or those of other queries
 * only. Reads train.json, validation.json and evaluation.json, never test.json. Not part of the build (its name
 * matches no test pattern); run by hand, after a test-compile:
 * {@code ./mvnw -o surefire:test -Dtest=SkeletonMeasurement -Dpool=true} ({@code -Dfiles=corpus/train.json} for
 * one file). The outcome (7 December 2026) is in the README, "The corpus and the figures".
 */
@Tag("measure")
class SkeletonMeasurement {

    private final Embeddings embeddings = new Embeddings();
    private final Language language = new Language();
    private final PitchSignals signals = new PitchSignals(embeddings, language);

    record Pitch(String id, String query, String source, String label, PitchScreening.Draft draft) {
    }

    @Test
    void measures() throws Exception {
        String which = System.getProperty("files", "corpus/train.json,corpus/validation.json,evaluation.json");
        Map<String, Function<PitchScreening.Draft, float[]>> forms = new LinkedHashMap<>();
        forms.put("meaning", signals::meaning);
        forms.put("skel-PN", d -> skeleton(d, Set.of("PROPN", "NUM"), "something", true, false));
        forms.put("skel-NPNA", d -> skeleton(d, Set.of("NOUN", "PROPN", "NUM", "ADJ"), "something", false, false));
        forms.put("skel-NPNA-run", d -> skeleton(d, Set.of("NOUN", "PROPN", "NUM", "ADJ"), "something", true, false));
        forms.put("skel-NPNAV-run", d -> skeleton(d, Set.of("NOUN", "PROPN", "NUM", "ADJ", "VERB"), "something", true,
                false));
        forms.put("skel-NPN-x-run", d -> skeleton(d, Set.of("NOUN", "PROPN", "NUM"), "x", true, false));
        forms.put("skel-NPNA-per", d -> skeleton(d, Set.of("NOUN", "PROPN", "NUM", "ADJ"), "something", false, true));
        Map<String, float[]> means = new HashMap<>();
        Map<String, List<float[]>> trainRaw = new HashMap<>();
        List<Pitch> trainPitches = read("/screening/corpus/train.json");
        boolean pool = Boolean.getBoolean("pool");
        for (String file : which.split(",")) {
            List<Pitch> pitches = read("/screening/" + file);
            System.out.printf(Locale.ROOT, "%n=== %s (%d pitches) ===%n", file, pitches.size());
            for (var form : forms.entrySet()) {
                List<float[]> raw = pitches.stream().map(p -> form.getValue().apply(p.draft())).toList();
                for (boolean centred : new boolean[] { false, true }) {
                if (file.contains("train")) {
                    means.put(form.getKey(), mean(raw));
                    trainRaw.put(form.getKey(), raw);
                }
                List<float[]> vectors = centred ? centre(raw, means.get(form.getKey())) : raw;
                List<float[]> before = pool && !file.contains("train") ? (centred
                        ? centre(trainRaw.get(form.getKey()), means.get(form.getKey())) : trainRaw.get(form.getKey()))
                        : List.of();
                for (boolean otherQuery : new boolean[] { false, true }) {
                double[] nearest = new double[pitches.size()];
                for (int i = 0; i < pitches.size(); i++) {
                    for (int j = 0; j < before.size(); j++) {
                        if (!trainPitches.get(j).source().equals(pitches.get(i).source())) {
                            nearest[i] = Math.max(nearest[i], Embeddings.cosine(vectors.get(i), before.get(j)));
                        }
                    }
                    for (int j = 0; j < i; j++) {
                        if (!pitches.get(j).source().equals(pitches.get(i).source())
                                && (!otherQuery || !pitches.get(j).query().equals(pitches.get(i).query()))) {
                            nearest[i] = Math.max(nearest[i], Embeddings.cosine(vectors.get(i), vectors.get(j)));
                        }
                    }
                }
                report(form.getKey() + (centred ? " centred" : "") + (otherQuery ? " (other queries only)" : ""),
                        pitches, nearest);
                }
                }
            }
        }
    }

    private void report(String form, List<Pitch> pitches, double[] nearest) {
        Map<String, List<Double>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < pitches.size(); i++) {
            byLabel.computeIfAbsent(pitches.get(i).label(), k -> new ArrayList<>()).add(nearest[i]);
        }
        System.out.printf(Locale.ROOT, "-- %s%n", form);
        for (var entry : byLabel.entrySet()) {
            double[] v = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "   %-22s n=%3d  q1 %.3f  median %.3f  q3 %.3f  max %.3f%n", entry.getKey(),
                    v.length, q(v, 0.25), q(v, 0.5), q(v, 0.75), v[v.length - 1]);
        }
        String bad = byLabel.containsKey("paraphrased-template") ? "paraphrased-template" : "template";
        double[] t = byLabel.get(bad).stream().mapToDouble(Double::doubleValue).toArray();
        double[] g = byLabel.get("good").stream().mapToDouble(Double::doubleValue).toArray();
        double auc = 0;
        for (double a : t) {
            for (double b : g) {
                auc += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        auc /= (double) t.length * g.length;
        double maxGood = Arrays.stream(g).max().orElse(0);
        System.out.printf(Locale.ROOT, "   %s vs good: AUC %.3f; above max good (%.3f): %d of %d;", bad, auc, maxGood,
                Arrays.stream(t).filter(x -> x > maxGood).count(), t.length);
        for (double threshold = 0.40; threshold <= 0.851; threshold += 0.05) {
            double th = threshold;
            System.out.printf(Locale.ROOT, " @%.2f %d/%d good %d/%d;", th, Arrays.stream(t).filter(x -> x >= th).count(),
                    t.length, Arrays.stream(g).filter(x -> x >= th).count(), g.length);
        }
        System.out.println();
    }

    private static float[] mean(List<float[]> vectors) {
        float[] mean = new float[Embeddings.DIMENSIONS];
        for (float[] v : vectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i] / vectors.size();
            }
        }
        return mean;
    }

    private static List<float[]> centre(List<float[]> vectors, float[] mean) {
        List<float[]> out = new ArrayList<>();
        for (float[] v : vectors) {
            float[] c = new float[v.length];
            double norm = 0;
            for (int i = 0; i < c.length; i++) {
                c[i] = v[i] - mean[i];
                norm += c[i] * c[i];
            }
            for (int i = 0; i < c.length; i++) {
                c[i] /= (float) Math.sqrt(norm);
            }
            out.add(c);
        }
        return out;
    }

    private static double q(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private float[] skeleton(PitchScreening.Draft draft, Set<String> masked, String placeholder, boolean runs,
            boolean perAnswer) {
        List<String> texts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (String answer : draft.answers()) {
            StringBuilder out = new StringBuilder();
            for (Language.Sentence sentence : language.analyse(answer)) {
                boolean last = false;
                for (int i = 0; i < sentence.size(); i++) {
                    String tag = sentence.tags().get(i);
                    boolean mask = masked.stream().anyMatch(tag::startsWith);
                    if (mask && runs && last) {
                        continue;
                    }
                    out.append(mask ? placeholder : Language.lower(sentence.tokens().get(i))).append(' ');
                    last = mask;
                }
            }
            texts.add(out.toString().strip());
            all.append(out).append('\n');
        }
        if (!perAnswer) {
            return embeddings.embed(all.toString().strip());
        }
        float[] sum = new float[Embeddings.DIMENSIONS];
        for (float[] v : embeddings.embedAll(texts)) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < sum.length && norm > 0; i++) {
            sum[i] /= (float) norm;
        }
        return sum;
    }

    private static List<Pitch> read(String resource) throws Exception {
        JsonNode root;
        try (InputStream in = SkeletonMeasurement.class.getResourceAsStream(resource)) {
            root = JsonMapper.builder().build().readTree(in);
        }
        Map<String, JsonNode> queries = new HashMap<>();
        root.get("queries").forEach(q -> queries.put(q.get("id").asString(), q));
        List<Pitch> pitches = new ArrayList<>();
        for (JsonNode p : root.get("pitches")) {
            JsonNode q = queries.get(p.get("query").asString());
            List<String> questions = new ArrayList<>();
            q.get("questions").forEach(x -> questions.add(x.asString()));
            List<String> answers = new ArrayList<>();
            p.get("answers").forEach(x -> answers.add(x.asString()));
            String requirements = q.has("requirements") ? q.get("requirements").asString() : "";
            pitches.add(new Pitch(p.get("id").asString(), p.get("query").asString(), p.get("source").asString(), p.get("label").asString(),
                    new PitchScreening.Draft(null, 0, 0, q.get("headline").asString(), questions, requirements,
                            answers, null)));
        }
        return pitches;
    }
}
