package org.sourcewire.screening;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.queries.TestQueries;
import org.sourcewire.sources.SourceManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screens a labelled set of pitches (src/test/resources/screening/evaluation.json: good answers, off-topic, templated
 * reuse, copies, padding, filler, unanswered) in the order they were written, and measures the "flagged" decision.
 */
@SourcewireIntegrationTest
class ScreeningEvaluationTests {

    private static final Logger log = LoggerFactory.getLogger(ScreeningEvaluationTests.class);

    @Autowired
    ScreeningService screening;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    SourceManagement sources;

    @Autowired
    TestQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void flaggingReachesNinetyPercentPrecisionAndEightyPercentRecallOnTheLabelledSet() throws Exception {
        JsonNode set;
        try (InputStream in = getClass().getResourceAsStream("/screening/evaluation.json")) {
            set = json.readTree(in);
        }
        CurrentUser journalist = accounts.journalist();
        Map<String, Long> queryIds = new HashMap<>();
        Map<String, List<String>> questions = new HashMap<>();
        Map<String, JsonNode> queryNodes = new HashMap<>();
        for (JsonNode query : set.get("queries")) {
            List<String> asked = new ArrayList<>();
            query.get("questions").forEach(question -> asked.add(question.asString()));
            String key = query.get("key").asString();
            questions.put(key, asked);
            queryNodes.put(key, query);
            queryIds.put(key, queries.by(journalist).about(query.get("headline").asString(), asked,
                    query.get("requirements").asString(), query.get("topic").asString()).publish());
        }
        Map<String, Long> profiles = new HashMap<>();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int total = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (JsonNode pitch : set.get("pitches")) {
            String queryKey = pitch.get("query").asString();
            long profile = profiles.computeIfAbsent(pitch.get("source").asString(), key ->
                    sources.ensureProfile(accountManagement.find(accounts.source().id()).orElseThrow()).id());
            List<String> answers = new ArrayList<>();
            pitch.get("answers").forEach(answer -> answers.add(answer.asString()));
            long queryId = queryIds.get(queryKey);
            long pitchId = jdbc.sql("""
                    insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at, updated_at)
                    values (:publicId, :query, :source, 'SUBMITTED', 0, :key, now(), now()) returning id""")
                    .param("publicId", UUID.randomUUID()).param("query", queryId).param("source", profile)
                    .param("key", UUID.randomUUID()).query(Long.class).single();
            JsonNode query = queryNodes.get(queryKey);
            PitchScreening.Draft draft = new PitchScreening.Draft(pitchId, queryId, profile, query.get("headline").asString(),
                    questions.get(queryKey), query.get("requirements").asString(), answers, null);
            PitchScreening.Verdict verdict = screening.screen(draft);
            screening.remember(pitchId, draft, verdict);

            boolean expected = pitch.get("flagged").asBoolean();
            String kind = pitch.get("kind").asString();
            int[] counts = byKind.computeIfAbsent(kind, k -> new int[2]);
            counts[0]++;
            if (verdict.flagged()) {
                counts[1]++;
            }
            total++;
            if (verdict.flagged() && expected) {
                truePositives++;
            }
            else if (verdict.flagged()) {
                falsePositives++;
                log.info("False positive ({}): score {} {}", kind, verdict.score(), verdict.reasons());
            }
            else if (expected) {
                falseNegatives++;
                log.info("Missed ({}): score {} {}", kind, verdict.score(), verdict.reasons());
            }
        }
        double precision = (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / (truePositives + falseNegatives);
        StringBuilder kinds = new StringBuilder();
        byKind.forEach((kind, counts) -> kinds.append(String.format("%n  %-12s %3d pitches, %3d flagged", kind, counts[0], counts[1])));
        log.info("Screening evaluation on {} pitches: precision {}, recall {} (TP {}, FP {}, FN {}){}", total,
                String.format("%.3f", precision), String.format("%.3f", recall), truePositives, falsePositives,
                falseNegatives, kinds);

        assertThat(total).isGreaterThanOrEqualTo(200);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.8);
    }
}
