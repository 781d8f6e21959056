package org.sourcewire.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.common.base.Suppliers;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.shared.SqlArrays;
import org.sourcewire.shared.Words;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The screening of a pitch. Relevance is PostgreSQL full-text work (stemmed lexemes of each answer against its
 * question, the headline and the requirements); near-duplicates come from MinHash band hashes in an index; the
 * rest is counting. Every component adds or takes points and says why.
 */
@Service
@Transactional
class ScreeningService implements PitchScreening {

    private static final Pattern EMPTY_ANSWER = Pattern.compile(
            "^(see above|as above|as i said( above)?|same as above|yes|no|maybe|n/?a|see my (web ?site|profile|bio)"
                    + "|happy to (discuss|help|chat)( further)?|contact me|call me|ask me|tbd)[.!]*$");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+");

    /** Below this relevance the answers share almost no words with the questions. */
    private static final double OFF_TOPIC_BELOW = 0.25;

    /** How long the filler phrase list is kept; a change made on another instance shows within this time. */
    private static final long PHRASES_SECONDS = 30;

    private final JdbcClient jdbc;
    private final ScreeningProperties weights;
    /**
     * Each question's stems together with the headline's and the requirements', by query text (the same for every
     * pitch to a query).
     */
    private final LoadingCache<Asked, List<Set<String>>> askedWords = CacheBuilder.newBuilder().maximumSize(5_000)
            .build(CacheLoader.from(asked -> stems("t.text || ' ' || :headline || ' ' || :requirements",
                    Map.of("headline", asked.headline(), "requirements", asked.requirements()), asked.questions())
                    .stream().<Set<String>>map(Set::copyOf).toList()));
    /** The filler phrases: read from the database at most every {@link #PHRASES_SECONDS}, not on every pitch. */
    private volatile Supplier<Map<String, Integer>> phrases = cachedPhrases();

    ScreeningService(JdbcClient jdbc, ScreeningProperties weights) {
        this.jdbc = jdbc;
        this.weights = weights;
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict screen(Draft draft) {
        List<Reason> reasons = new ArrayList<>();
        int score = weights.base();
        List<String> answers = draft.answers().stream().map(answer -> answer == null ? "" : answer.strip()).toList();
        int questions = answers.size();

        // Completeness: every question answered with substance, not "see above" or padding.
        int substantive = 0;
        int padded = 0;
        for (String answer : answers) {
            if (isSubstantive(answer)) {
                substantive++;
            }
            else if (!answer.isBlank()) {
                padded++;
            }
        }
        int completeness = questions == 0 ? 0 : Math.round((float) weights.completeness() * substantive / questions);
        score += completeness;
        reasons.add(new Reason("answers " + substantive + " of " + questions + " questions with substance", completeness,
                substantive < questions));
        if (padded > 0) {
            reasons.add(new Reason(padded + (padded == 1 ? " answer is" : " answers are")
                    + " empty phrases or repetition (\"see above\", \"happy to discuss\")", 0, true));
        }

        // Padding: the same sentence said again and again.
        int repeated = repeatedSentences(answers);
        if (repeated > 0) {
            score -= weights.repetitionPenalty();
            reasons.add(new Reason("repeats " + repeated + (repeated == 1 ? " sentence" : " sentences")
                    + " word for word", -weights.repetitionPenalty(), true));
        }

        // Relevance of each answer to its question, the headline and the requirements.
        double relevance = relevance(draft, answers);
        int relevancePoints = (int) Math.round(weights.relevance() * relevance);
        score += relevancePoints;
        String level = relevance >= 0.6 ? "high" : relevance >= 0.3 ? "medium" : "low";
        reasons.add(new Reason("relevant to the query (" + level + ")", relevancePoints, relevance < 0.3));
        if (relevance < OFF_TOPIC_BELOW && answers.stream().anyMatch(answer -> !answer.isBlank())) {
            score -= weights.offTopicPenalty();
            reasons.add(new Reason("looks off-topic: the answers hardly mention what the questions ask",
                    -weights.offTopicPenalty(), true));
        }

        // Length against the 150-200 word guidance.
        int words = answers.stream().mapToInt(ScreeningService::words).sum();
        int lengthPoints = lengthPoints(words);
        score += lengthPoints;
        reasons.add(new Reason(words + " words" + (words < 100 ? " (short; 150–200 works best)"
                : words > 260 ? " (long; 150–200 works best)" : ""), lengthPoints, words < 60 || words > 320));

        // Near-duplicates: the same text sent to other queries (a template) or another source's text (a copy).
        String text = String.join("\n", answers);
        int[] fingerprint = fingerprint(text);
        Duplicates duplicates = fingerprint == null ? new Duplicates(0, 0) : duplicates(draft, fingerprint);
        boolean duplicate = false;
        if (duplicates.templates() > 0) {
            score -= weights.templatePenalty();
            duplicate = true;
            reasons.add(new Reason("near-identical to " + duplicates.templates() + (duplicates.templates() == 1
                    ? " pitch" : " pitches") + " this source sent to other queries", -weights.templatePenalty(), true));
        }
        if (duplicates.copies() > 0) {
            score -= weights.copyPenalty();
            duplicate = true;
            reasons.add(new Reason("copied from another source's pitch", -weights.copyPenalty(), true));
        }

        // Boilerplate typical of mass-generated pitches.
        List<String> found = new ArrayList<>();
        int boilerplate = 0;
        String lower = (text + "\n" + (draft.whyMe() == null ? "" : draft.whyMe())).toLowerCase(Locale.ROOT)
                .replace('’', '\'');
        for (Map.Entry<String, Integer> phrase : phrases.get().entrySet()) {
            if (lower.contains(phrase.getKey())) {
                found.add(phrase.getKey());
                boilerplate += phrase.getValue();
            }
        }
        if (boilerplate > 0) {
            int penalty = Math.min(weights.boilerplateCap(), boilerplate);
            score -= penalty;
            reasons.add(new Reason("generic filler phrases (" + String.join(", ", found.stream().limit(3).toList())
                    + (found.size() > 3 ? ", …" : "") + ")", -penalty, true));
        }

        // The source's track record.
        score += trackRecord(draft.sourceId(), reasons);

        int clamped = Math.max(0, Math.min(100, score));
        return new Verdict(clamped, duplicate || clamped < weights.flagBelow(), List.copyOf(reasons), fingerprint);
    }

    @Override
    public void remember(long pitchId, Draft draft, Verdict verdict) {
        if (draft.pitchId() != null) {
            // An edited pitch replaces what was kept for it (one round trip). A new pitch has nothing kept yet.
            jdbc.sql("with bands as (delete from pitch_band where pitch_id = :id) delete from pitch_signature where pitch_id = :id")
                    .param("id", pitchId).update();
        }
        int[] signature = verdict.fingerprint();
        if (signature == null) {
            return;
        }
        jdbc.sql("""
                with signature as (
                    insert into pitch_signature (pitch_id, query_id, source_id, minhash)
                    values (:id, :query, :source, cast(string_to_array(:minhash, ',') as int[])))
                insert into pitch_band (band_hash, pitch_id)
                select cast(hash as bigint), :id from unnest(string_to_array(:bands, ',')) as hash""")
                .param("id", pitchId).param("query", draft.queryId()).param("source", draft.sourceId())
                .param("minhash", join(signature)).param("bands", join(MinHash.bands(signature))).update();
    }

    // --- components ----------------------------------------------------------------------------------------------

    /**
     * The share of answered questions whose answer shares enough stemmed words with its question, the headline and
     * the requirements (three or more count fully). PostgreSQL stems the words (English text search); the query's
     * side is the same for every pitch to it, so it is stemmed once per query text and kept.
     */
    private double relevance(Draft draft, List<String> answers) {
        if (answers.stream().allMatch(String::isBlank)) {
            return 0;
        }
        List<Set<String>> asked = askedWords.getUnchecked(new Asked(draft.headline(),
                draft.requirements() == null ? "" : draft.requirements(), List.copyOf(draft.questions())));
        List<List<String>> answered = stems("t.text", Map.of(), answers);
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < Math.min(answers.size(), asked.size()); i++) {
            if (answers.get(i).isBlank()) {
                continue;
            }
            long shared = answered.get(i).stream().filter(asked.get(i)::contains).count();
            sum += Math.min(1.0, shared / 3.0);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** A query's text as screening reads it. */
    private record Asked(String headline, String requirements, List<String> questions) {
    }

    /** The English stems of each text, in order; {@code text} is an SQL expression of {@code t.text}. */
    private List<List<String>> stems(String text, Map<String, String> params, List<String> texts) {
        var statement = jdbc.sql("select tsvector_to_array(to_tsvector('english', " + text + ")) "
                + "from unnest(cast(:texts as text[])) with ordinality as t(text, n) order by t.n")
                .param("texts", SqlArrays.text(texts.toArray(String[]::new)));
        for (Map.Entry<String, String> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).list();
    }

    private int lengthPoints(int words) {
        double share;
        if (words >= 120 && words <= 260) {
            share = 1;
        }
        else if (words >= 80 && words <= 320) {
            share = 0.7;
        }
        else if (words >= 50 && words <= 400) {
            share = 0.4;
        }
        else {
            share = 0;
        }
        return (int) Math.round(weights.length() * share);
    }

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
        int copies = 0;
        for (Candidate candidate : candidates) {
            if (MinHash.similarity(signature, candidate.minhash()) < weights.duplicateSimilarity()) {
                continue;
            }
            if (candidate.sourceId() == draft.sourceId()) {
                if (candidate.queryId() != draft.queryId()) {
                    templateQueries.add(candidate.queryId());
                }
            }
            else if (draft.pitchId() == null || candidate.pitchId() < draft.pitchId()) {
                copies++;
            }
        }
        return new Duplicates(templateQueries.size(), copies);
    }

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
        int points;
        if (record.decided() < 3) {
            points = (int) Math.round(weights.trackRecord() * 0.6);
            reasons.add(new Reason("source: new, few decided pitches yet", points, false));
        }
        else {
            double rate = (double) record.wins() / record.decided();
            points = (int) Math.round(weights.trackRecord() * Math.min(1, 0.3 + rate));
            reasons.add(new Reason("source: " + Math.round(rate * 100) + "% shortlisted or used", points, false));
        }
        if (record.upheld() > 0) {
            int penalty = (int) Math.min(2, record.upheld()) * weights.reportPenalty();
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
                    phrases = cachedPhrases();
                }
            });
        }
        else {
            phrases = cachedPhrases();
        }
    }

    private Supplier<Map<String, Integer>> cachedPhrases() {
        return Suppliers.memoizeWithExpiration(() -> {
            Map<String, Integer> read = new HashMap<>();
            jdbc.sql("select lower(phrase), weight from boilerplate_phrase")
                    .query((rs, n) -> read.put(rs.getString(1), rs.getInt(2))).list();
            return Map.copyOf(read);
        }, PHRASES_SECONDS, TimeUnit.SECONDS);
    }

    // --- text helpers --------------------------------------------------------------------------------------------

    static boolean isSubstantive(String answer) {
        String clean = answer.strip().toLowerCase(Locale.ROOT);
        if (words(clean) < 8 || EMPTY_ANSWER.matcher(clean).matches()) {
            return false;
        }
        List<String> tokens = Words.tokens(clean);
        long distinct = new HashSet<>(tokens).size();
        // Padding repeats itself: few distinct words in a long answer.
        return tokens.size() < 40 || distinct >= tokens.size() * 0.4;
    }

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

    static int words(String text) {
        return Words.count(text);
    }

    private static String join(int[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    private static String join(long[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    private record Duplicates(int templates, int copies) {
    }
}
