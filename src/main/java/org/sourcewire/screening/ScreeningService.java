package org.sourcewire.screening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.Words;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The screening of a pitch: its {@link Signal}s (meaning, specifics, style, text seen before) weighed by the trained
 * {@link ScreeningModel} into a score from 0 to 100, the few signals that moved it most said in words for the
 * journalist, and general coaching for the source. Near-identical text is found by MinHash band hashes, reworded text
 * by the bands of its meaning ({@link Meanings}), both through indexes. The source's track record adjusts the score a
 * little and is said as a reason of its own.
 */
@Service
@Transactional
class ScreeningService implements PitchScreening {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+");

    /**
     * From this cosine two meanings count as the same text reworded. Chosen on the corpus's training and validation
     * splits: no good pitch there comes closer than 0.76 to any pitch of another source, while a template with only
     * its names and a few words changed sits near 0.8.
     */
    static final double PARAPHRASE = 0.78;

    /** How long the filler phrase list is kept; a change made on another instance shows within this time. */
    private static final long PHRASES_SECONDS = 30;

    /** The same text sent to this many other queries is a template, flagged whatever else the pitch holds. */
    static final int TEMPLATE_QUERIES = 2;

    /** Pulls (log-odds) smaller than this are not worth a reason or a tip. */
    private static final double WORTH_SAYING = 0.25;

    private final JdbcClient jdbc;
    private final ScreeningProperties properties;
    private final PitchSignals signals;
    private final Meanings meanings;
    private final ScreeningModel model;
    private final Messages messages;
    /** The filler phrases: read from the database at most every {@link #PHRASES_SECONDS}, not on every pitch. */
    private final LoadingCache<Boolean, Map<String, Integer>> phrases = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(PHRASES_SECONDS)).build(all -> readPhrases());

    ScreeningService(JdbcClient jdbc, ScreeningProperties properties, PitchSignals signals, Meanings meanings,
            ScreeningModel model, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.properties = properties;
        this.signals = signals;
        this.meanings = meanings;
        this.model = model;
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict screen(Draft draft) {
        return screenWithCluster(draft).verdict();
    }

    /**
     * A verdict and the earlier pitches to be flagged with it: the same text from two or more other sources ({@code
     * copied}; sources never see each other's pitches, so the same words from three of them come from one hand, while
     * the one source a single copier matches may have written the original); the same meaning from two or more other
     * sources ({@code reworded}, when this pitch is flagged); this source's same text on other queries once it reaches
     * {@link #TEMPLATE_QUERIES} of them ({@code templated}: a mass mailing's first sends are part of it). And every
     * stored pitch of another source it copies or rewords, its cluster ({@code similar}).
     */
    record Screened(Verdict verdict, List<Long> copied, List<Long> reworded, List<Long> templated, List<Long> similar) {
    }

    @Transactional(readOnly = true)
    Screened screenWithCluster(Draft draft) {
        List<String> answers = draft.answers().stream().map(answer -> answer == null ? "" : answer.strip()).toList();
        String text = String.join("\n", answers);
        int[] fingerprint = fingerprint(text);
        Duplicates duplicates = fingerprint == null ? Duplicates.NONE : duplicates(draft, fingerprint);
        float[] meaning = signals.meaning(draft);
        Meanings.Close close = meanings.closest(draft, meaning, PARAPHRASE);
        PitchSignals.Measured measured = signals.measure(draft, new PitchSignals.Seen(duplicates.templates(),
                duplicates.copies(), close.nearest(), close.near().size(), filler(text, draft.whyMe())));
        Map<Signal, Double> values = new EnumMap<>(measured.values());
        Double wording = model.wording(measured.wording());
        if (wording != null) {
            values.put(Signal.WORDING, wording);
        }
        ScreeningModel.Judgement judgement = model.judge(values);

        // The three weightiest signals that say something a journalist can check in the pitch, then the wording's
        // verdict as a fourth where the wording model alone is sure of it (it weighs most, but says least).
        List<Reason> reasons = new ArrayList<>();
        Reason worded = null;
        for (ScreeningModel.Pull pull : judgement.pulls()) {
            if (reasons.size() == 3 || Math.abs(pull.pull()) < WORTH_SAYING) {
                break;
            }
            String said = pull.signal().reason(pull.pull() > 0, pull.value(), pull.usual());
            if (said == null || pull.signal() == Signal.WORDING && !sure(pull)) {
                continue;
            }
            Reason reason = new Reason(said, ScreeningModel.points(pull), pull.pull() > 0);
            if (pull.signal() == Signal.WORDING) {
                worded = reason;
            }
            else {
                reasons.add(reason);
            }
        }
        if (worded != null) {
            reasons.add(worded);
        }
        // What was found, said plainly whatever its weight: journalists act on copies.
        if (duplicates.copies() > 0 && reasons.stream().noneMatch(r -> r.text().equals(Signal.COPY.reason(true, 1, 0)))) {
            reasons.add(new Reason(Signal.COPY.reason(true, 1, 0), 0, true));
        }
        if (duplicates.templates() > 0) {
            reasons.add(new Reason("near-identical to " + duplicates.templates() + (duplicates.templates() == 1
                    ? " pitch" : " pitches") + " this source sent to other queries", 0, true));
        }
        int score = judgement.score();
        score += trackRecord(draft.sourceId(), reasons);
        int clamped = Math.max(0, Math.min(100, score));
        // Found, not weighed: another source's text, or the same text this source sent to two other queries.
        boolean flagged = judgement.flagged() || duplicates.copies() > 0 || duplicates.templates() >= TEMPLATE_QUERIES;
        Map<String, Double> stored = new LinkedHashMap<>();
        values.forEach((signal, value) -> stored.put(signal.key(), Math.round(value * 10_000) / 10_000.0));
        // A template: this pitch and earlier ones of at least two other sources say the same thing, in other words or
        // the same. (One earlier source may have written the original a copier took or reworded: not flagged for it.)
        List<Long> cluster = close.nearSources() >= 2 ? close.near() : List.of();
        Set<Long> similar = new java.util.TreeSet<>(duplicates.copied());
        similar.addAll(close.near());
        return new Screened(new Verdict(clamped, flagged, List.copyOf(reasons), coaching(judgement, measured, draft),
                fingerprint, meaning, stored), duplicates.copiesToFlag(), cluster, duplicates.templatedToFlag(),
                List.copyOf(similar));
    }

    /**
     * Advice for the source before sending, in general terms: which question to answer more directly, what to add,
     * what to leave out. Never the phrases screening looks for, and never that another source sent similar text.
     * Worded from the bundle in the viewer's language: tips are shown as the source writes, never stored.
     */
    private List<String> coaching(ScreeningModel.Judgement judgement, PitchSignals.Measured measured, Draft draft) {
        List<String> tips = new ArrayList<>();
        List<String> answers = draft.answers();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) == null || Words.count(answers.get(i)) < 3) {
                tips.add(messages.text("screening.text.tip-unanswered", i + 1));
            }
        }
        for (ScreeningModel.Pull pull : judgement.pulls()) {
            // Only a signal that pulls the score down and is on its bad side (more sales talk, fewer specifics …).
            if (pull.pull() < WORTH_SAYING || !pull.signal().worse(pull.value(), pull.usual())
                    || pull.signal() == Signal.WORDING && !sure(pull)) {
                continue;
            }
            String tip = switch (pull.signal()) {
                case DIRECT_MIN, DIRECT_MEAN, ECHO -> answers.size() > 1
                        ? messages.text("screening.text.tip-answer-question-directly", measured.leastDirectQuestion() + 1)
                        : messages.text("screening.text.tip-answer-directly");
                case SPECIFICS, SPECIFIC_ANSWERS, DENSITY, GROUNDED, GENERIC, HEDGING, YOU ->
                        messages.text("screening.text.tip-specifics");
                case UNSOURCED_FIGURES, STATISTIC_CLAIMS, BARE_FIGURES -> messages.text("screening.text.tip-figures");
                case REQUIREMENTS -> messages.text("screening.text.tip-requirements");
                case DEFLECTING -> messages.text("screening.text.tip-deflecting");
                case SELLING, PROMOTION -> messages.text("screening.text.tip-selling");
                case TEMPLATE, FILLER -> messages.text("screening.text.tip-own-words");
                // Measured against other sources' pitches: coaching on them would tell that someone sent similar text.
                case COPY, PARAPHRASE, PARAPHRASES -> null;
                case REPEATS, VARIETY, LONG -> messages.text("screening.text.tip-shorter");
                case THIN -> measured.thinQuestion() < 0 ? null : answers.size() > 1
                        ? messages.text("screening.text.tip-thin", measured.thinQuestion() + 1)
                        : messages.text("screening.text.tip-thin-answer");
                case RESTATES -> messages.text("screening.text.tip-restating");
                case WORDING -> messages.text("screening.text.tip-first-hand");
                case ANSWERED, UNANSWERED -> null;
                case OFF_TOPIC -> messages.text("screening.text.tip-off-topic");
            };
            if (tip != null && !tips.contains(tip)) {
                tips.add(tip);
            }
            if (tips.size() >= 4) {
                break;
            }
        }
        return List.copyOf(tips);
    }

    /** Whether the wording model alone is sure enough of a pitch's wording for it to be said (see WORDING_SAID). */
    private static boolean sure(ScreeningModel.Pull pull) {
        return Math.abs(pull.value()) >= ScreeningModel.WORDING_SAID;
    }

    /** The weights of the admins' filler phrases found in the text, at most 40 points' worth, as a share. */
    private double filler(String text, String whyMe) {
        String lower = (text + "\n" + (whyMe == null ? "" : whyMe)).toLowerCase(Locale.ROOT).replace('’', '\'');
        int found = 0;
        for (Map.Entry<String, Integer> phrase : phrases.get(Boolean.TRUE).entrySet()) {
            if (lower.contains(phrase.getKey())) {
                found += phrase.getValue();
            }
        }
        return Math.min(40, found) / 40.0;
    }

    @Override
    public void remember(long pitchId, Draft draft, Verdict verdict) {
        if (draft.pitchId() != null) {
            // An edited pitch replaces what was kept for it (one round trip). A new pitch has nothing kept yet.
            PitchSketch.SIGNATURE.forget(jdbc, pitchId);
        }
        if (verdict.meaning() != null) {
            meanings.remember(pitchId, draft, verdict.meaning());
        }
        int[] signature = verdict.fingerprint();
        if (signature == null) {
            return;
        }
        PitchSketch.SIGNATURE.keep(jdbc, pitchId, draft, join(signature), MinHash.bands(signature));
    }

    // --- components ----------------------------------------------------------------------------------------------

    /** The MinHash signature of the answers, or null when they are too short to compare. */
    private static int[] fingerprint(String text) {
        Set<Long> shingles = MinHash.shingles(text);
        return shingles.size() < MinHash.MIN_SHINGLES ? null : MinHash.signature(shingles);
    }

    private Duplicates duplicates(Draft draft, int[] signature) {
        record Candidate(long pitchId, long queryId, long sourceId, int[] minhash) {
        }
        List<Candidate> candidates = jdbc.sql("""
                select s.pitch_id, s.query_id, s.source_id, array_to_string(s.minhash, ',')
                from pitch_signature s
                where s.pitch_id in (select b.pitch_id from pitch_band b where b.band_hash in (:bands)
                                     group by b.pitch_id order by count(*) desc limit 50)
                  and s.pitch_id <> :self""")
                .param("bands", Arrays.stream(MinHash.bands(signature)).boxed().toList())
                .param("self", draft.pitchId() == null ? -1L : draft.pitchId())
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Arrays.stream(rs.getString(4).split(",")).mapToInt(Integer::parseInt).toArray()))
                .list();
        Set<Long> templateQueries = new HashSet<>();
        List<Long> templated = new ArrayList<>();
        List<Long> copied = new ArrayList<>();
        Set<Long> copiedSources = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (MinHash.similarity(signature, candidate.minhash()) < properties.duplicateSimilarity()) {
                continue;
            }
            if (candidate.sourceId() == draft.sourceId()) {
                if (candidate.queryId() != draft.queryId()) {
                    templateQueries.add(candidate.queryId());
                    if (draft.pitchId() == null || candidate.pitchId() < draft.pitchId()) {
                        templated.add(candidate.pitchId());
                    }
                }
            }
            else if (draft.pitchId() == null || candidate.pitchId() < draft.pitchId()) {
                copied.add(candidate.pitchId());
                copiedSources.add(candidate.sourceId());
            }
        }
        return new Duplicates(templateQueries.size(), List.copyOf(templated), List.copyOf(copied),
                copiedSources.size());
    }

    /**
     * A few points for a source whose pitches journalists shortlist or use, a few off for one they decline, and more
     * off per upheld report (at most two count); nothing for a new source. Not learned: the corpus has no history.
     */
    private int trackRecord(long sourceId, List<Reason> reasons) {
        record Record(long decided, long wins, long upheld) {
        }
        Record record = jdbc.sql("""
                select count(*) filter (where status in ('SHORTLISTED', 'USED', 'DECLINED')),
                       count(*) filter (where status in ('SHORTLISTED', 'USED')),
                       (select count(*) from pitch_report r join pitch p on p.id = r.pitch_id
                        where p.source_id = :source and r.status = 'UPHELD')
                from pitch where source_id = :source""")
                .param("source", sourceId)
                .query((rs, n) -> new Record(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        int points = 0;
        if (record.decided() < 3) {
            reasons.add(new Reason("source: new, few decided pitches yet", 0, false));
        }
        else {
            double rate = (double) record.wins() / record.decided();
            points = (int) Math.round(properties.trackRecord() * (rate - 0.35));
            reasons.add(new Reason("source: " + Math.round(rate * 100) + "% shortlisted or used", points, false));
        }
        if (record.upheld() > 0) {
            int penalty = (int) Math.min(2, record.upheld()) * properties.reportPenalty();
            points -= penalty;
            reasons.add(new Reason("source: " + record.upheld() + " upheld " + (record.upheld() == 1 ? "report" : "reports"),
                    -penalty, true));
        }
        return points;
    }

    /** The filler phrase list changed here: the next pitch on this instance reads it again (after the commit). */
    void phrasesChanged() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    phrases.invalidateAll();
                }
            });
        }
        else {
            phrases.invalidateAll();
        }
    }

    private Map<String, Integer> readPhrases() {
        Map<String, Integer> read = new HashMap<>();
        jdbc.sql("select lower(phrase), weight from boilerplate_phrase")
                .query((rs, n) -> read.put(rs.getString(1), rs.getInt(2))).list();
        return Map.copyOf(read);
    }

    // --- text helpers --------------------------------------------------------------------------------------------

    /** Sentences of four or more words that occur more than once in the pitch. */
    static int repeatedSentences(List<String> answers) {
        Map<String, Integer> seen = new HashMap<>();
        for (String answer : answers) {
            for (String sentence : SENTENCE_END.split(answer.toLowerCase(Locale.ROOT))) {
                List<String> tokens = Words.tokens(sentence);
                if (tokens.size() >= 4) {
                    seen.merge(String.join(" ", tokens), 1, Integer::sum);
                }
            }
        }
        return (int) seen.values().stream().filter(count -> count > 1).count();
    }

    private static String join(int[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    /**
     * How many other queries this source sent the same text to, and its earlier pitches that carry it there; the
     * earlier pitches of other sources with the same text, and how many sources sent them. Only earlier ones are
     * flagged with this pitch: two pitches screened at once then never wait for each other's rows.
     */
    private record Duplicates(int templates, List<Long> templated, List<Long> copied, int copiedSources) {

        static final Duplicates NONE = new Duplicates(0, List.of(), List.of(), 0);

        int copies() {
            return copied.size();
        }

        /** The earlier copies, once a third source sent the text: then none of them is the one original. */
        List<Long> copiesToFlag() {
            return copiedSources >= 2 ? copied : List.of();
        }

        /** This source's earlier sends of the text, once it reached enough queries to be a mass mailing. */
        List<Long> templatedToFlag() {
            return templates >= TEMPLATE_QUERIES ? templated : List.of();
        }
    }
}
