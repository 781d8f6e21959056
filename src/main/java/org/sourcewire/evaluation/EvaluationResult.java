package org.sourcewire.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.sourcewire.pitches.PitchScreening;

/**
 * What screening made of a labelled set: each pitch's score, flag and reasons, and the figures of the "flagged"
 * decision (a bad pitch flagged is a true positive) and of the score (ROC AUC: the chance that a random bad pitch
 * scores below a random good one), overall and per kind.
 */
public record EvaluationResult(List<Screened> pitches) {

    /** One pitch as screened. */
    public record Screened(String id, String query, String label, int score, boolean flagged,
            List<PitchScreening.Reason> reasons, Map<String, Double> signals) {

        boolean bad() {
            return !LabelledSet.GOOD.equals(label);
        }
    }

    /** The figures of one kind: how many, how many flagged, the median score. */
    public record Kind(String label, int pitches, int flagged, double medianScore) {

        public double flaggedShare() {
            return pitches == 0 ? 0 : (double) flagged / pitches;
        }
    }

    public int truePositives() {
        return (int) pitches.stream().filter(p -> p.bad() && p.flagged()).count();
    }

    public int falsePositives() {
        return (int) pitches.stream().filter(p -> !p.bad() && p.flagged()).count();
    }

    public int falseNegatives() {
        return (int) pitches.stream().filter(p -> p.bad() && !p.flagged()).count();
    }

    public double precision() {
        int flagged = truePositives() + falsePositives();
        return flagged == 0 ? 0 : (double) truePositives() / flagged;
    }

    public double recall() {
        int bad = truePositives() + falseNegatives();
        return bad == 0 ? 0 : (double) truePositives() / bad;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The chance that a random bad pitch scores below a random good one (ties count half). */
    public double rocAuc() {
        List<Integer> good = pitches.stream().filter(p -> !p.bad()).map(Screened::score).toList();
        List<Integer> bad = pitches.stream().filter(Screened::bad).map(Screened::score).toList();
        if (good.isEmpty() || bad.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (int b : bad) {
            for (int g : good) {
                wins += b < g ? 1 : b == g ? 0.5 : 0;
            }
        }
        return wins / ((double) good.size() * bad.size());
    }

    /** Every label's figures, "good" first. */
    public Map<String, Kind> kinds() {
        Map<String, List<Screened>> byLabel = new TreeMap<>(Comparator.comparing((String label) -> !label.equals(LabelledSet.GOOD))
                .thenComparing(Comparator.naturalOrder()));
        pitches.forEach(p -> byLabel.computeIfAbsent(p.label(), label -> new ArrayList<>()).add(p));
        Map<String, Kind> kinds = new LinkedHashMap<>();
        byLabel.forEach((label, list) -> kinds.put(label, new Kind(label, list.size(),
                (int) list.stream().filter(Screened::flagged).count(), median(list.stream().map(Screened::score).toList()))));
        return kinds;
    }

    /** The figures as a table for a terminal or a log. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d pitches (%d bad): precision %.2f, recall %.2f, F1 %.2f, ROC AUC %.2f%n",
                pitches.size(), truePositives() + falseNegatives(), precision(), recall(), f1(), rocAuc()));
        out.append(String.format(Locale.ROOT, "%-22s %8s %8s %8s %13s%n", "label", "pitches", "flagged", "share",
                "median score"));
        kinds().values().forEach(kind -> out.append(String.format(Locale.ROOT, "%-22s %8d %8d %8.2f %13.1f%n",
                kind.label(), kind.pitches(), kind.flagged(), kind.flaggedShare(), kind.medianScore())));
        return out.toString();
    }

    /** The figures and every pitch's result, for a JSON file. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pitches", pitches.size());
        json.put("precision", precision());
        json.put("recall", recall());
        json.put("f1", f1());
        json.put("rocAuc", rocAuc());
        Map<String, Object> kinds = new LinkedHashMap<>();
        kinds().values().forEach(kind -> kinds.put(kind.label(), Map.of("pitches", kind.pitches(), "flagged",
                kind.flagged(), "flaggedShare", kind.flaggedShare(), "medianScore", kind.medianScore())));
        json.put("kinds", kinds);
        json.put("results", pitches.stream().map(p -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", p.id());
            result.put("query", p.query());
            result.put("label", p.label());
            result.put("score", p.score());
            result.put("flagged", p.flagged());
            result.put("reasons", p.reasons().stream().map(reason -> Map.of("text", reason.text(), "effect",
                    reason.effect())).toList());
            result.put("signals", p.signals());
            return result;
        }).toList());
        return json;
    }

    private static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
