package org.sourcewire.screening;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.pitches.PitchScreening;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times screening: loading its models, and screening one pitch against {@code -Dbench.pitches=1000000} stored pitches
 * (their MinHash signatures and band hashes, and their meanings with their hyperplane bands), with the labelled
 * evaluation pitches as the new ones, one thread at a time (screening runs on two). Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbench test -Dtest=ScreeningBenchmark}.
 */
@Tag("bench")
@SourcewireIntegrationTest
class ScreeningBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ScreeningBenchmark.class);

    /** The database a user runs: crash-safe, as the app's own embedded server (see HaroScaleBenchmark). */
    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("sourcewire.embedded-postgres.durable", () -> System.getProperty("bench.durable", "true"));
    }

    @Autowired
    ScreeningService screening;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void screeningOnePitchAgainstAMillionStoredPitches() throws Exception {
        // Start-up: what the first pitch after a start waits for (fresh instances, not the context's warmed ones).
        long loading = System.nanoTime();
        long embeddingModel = new Embeddings().warmUp();
        long languageStarted = System.nanoTime();
        new Language().analyse("Warm up the sentence, token and part-of-speech models.");
        long languageModels = (System.nanoTime() - languageStarted) / 1_000_000;
        log.info("Screening's models loaded: embedding model {} ms, OpenNLP models {} ms, together {} ms", embeddingModel,
                languageModels, (System.nanoTime() - loading) / 1_000_000);

        int stored = Integer.getInteger("bench.pitches", 1_000_000);
        int sources = 2_000;
        int queries = (stored + sources - 1) / sources;

        long t = System.nanoTime();
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, outlet_name, outlet_url, email_verified_at,
                                     password_changed_at, created_at)
                select 'screen-bench-' || g || '@bench.example', '{noop}unused', 'Bench ' || g,
                       case when g = 0 then 'JOURNALIST' else 'SOURCE' end,
                       case when g = 0 then 'Bench' end, case when g = 0 then 'https://bench.example' end, now(), now(), now()
                from generate_series(0, :n) g""").param("n", sources).update();
        jdbc.sql("""
                insert into source_profile (account_id, handle, name, created_at, updated_at)
                select id, 'screen-bench-' || id, display_name, now(), now() from account
                where email like 'screen-bench-%' and role = 'SOURCE'""").update();
        jdbc.sql("""
                insert into journalist_query (journalist_id, headline, time_zone, status, created_at, updated_at)
                select (select id from account where email = 'screen-bench-0@bench.example'), 'Bench query ' || g,
                       'UTC', 'PUBLISHED', now(), now()
                from generate_series(1, :n) g""").param("n", queries).update();
        jdbc.sql("""
                insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at, updated_at)
                select gen_random_uuid(), q.id, s.id, 'SUBMITTED', 170, gen_random_uuid(), now(), now()
                from (select id from journalist_query where headline like 'Bench query %') q
                cross join (select id from source_profile where handle like 'screen-bench-%') s
                limit :n""").param("n", stored).update();
        long pitches = System.nanoTime();
        jdbc.sql("""
                insert into pitch_signature (pitch_id, query_id, source_id, minhash)
                select p.id, p.query_id, p.source_id,
                       array(select (random() * 2147483647)::int + (p.id * 0)::int from generate_series(1, 72))
                from pitch p join source_profile s on s.id = p.source_id where s.handle like 'screen-bench-%'""").update();
        jdbc.sql("""
                insert into pitch_band (band_hash, pitch_id)
                select ((random() - 0.5) * 9.2e18)::bigint, s.pitch_id from pitch_signature s, generate_series(1, 24)""").update();
        // Meanings: random directions stand in for embeddings, and random band values (band number in the high bits,
        // 16 random bits below) for their hyperplane bands: each band value then has about stored / 65,536 pitches, as
        // real meanings spread over the buckets would have.
        jdbc.sql("""
                insert into pitch_meaning (pitch_id, query_id, source_id, vector)
                select s.pitch_id, s.query_id, s.source_id,
                       array(select (random() - 0.5)::real + (s.pitch_id * 0)::real from generate_series(1, 384))
                from pitch_signature s""").update();
        jdbc.sql("""
                insert into pitch_meaning_band (band_hash, pitch_id)
                select (b::bigint << 16) | (random() * 65535)::bigint, m.pitch_id
                from pitch_meaning m, generate_series(0, 19) b""").update();
        jdbc.sql("analyze pitch_meaning_band").update();
        jdbc.sql("analyze pitch_meaning").update();
        jdbc.sql("analyze pitch_band").update();
        jdbc.sql("analyze pitch_signature").update();
        jdbc.sql("analyze pitch").update();
        long generated = System.nanoTime();
        long bands = jdbc.sql("select count(*) from pitch_band").query(Long.class).single()
                + jdbc.sql("select count(*) from pitch_meaning_band").query(Long.class).single();
        log.info("Generated {} pitches in {} s and their signatures and {} band rows in {} s", stored,
                (pitches - t) / 1_000_000_000, bands, (generated - pitches) / 1_000_000_000);

        JsonNode set;
        try (InputStream in = getClass().getResourceAsStream("/screening/evaluation.json")) {
            set = json.readTree(in);
        }
        long query = jdbc.sql("select min(id) from journalist_query where headline like 'Bench query %'").query(Long.class).single();
        long source = jdbc.sql("select min(id) from source_profile where handle like 'screen-bench-%'").query(Long.class).single();
        List<Long> nanos = new ArrayList<>();
        for (JsonNode pitch : set.get("pitches")) {
            List<String> answers = new ArrayList<>();
            pitch.get("answers").forEach(answer -> answers.add(answer.asString()));
            List<String> questions = new ArrayList<>();
            answers.forEach(answer -> questions.add("What do you see in your work, and what should readers do about it?"));
            PitchScreening.Draft draft = new PitchScreening.Draft(null, query, source,
                    "What experts see in their work", questions, "Experts with first-hand experience", answers, null);
            long started = System.nanoTime();
            screening.screen(draft);
            nanos.add(System.nanoTime() - started);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        log.info("""

                Screening benchmark: {} pitches screened against {} stored pitches ({} band rows)
                  mean {} ms, p50 {} ms, p95 {} ms, p99 {} ms, max {} ms""", sorted.length, stored, bands,
                String.format("%.1f", Arrays.stream(sorted).average().orElse(0) / 1e6), ms(sorted, 0.5), ms(sorted, 0.95),
                ms(sorted, 0.99), ms(sorted, 1.0));
    }

    private static String ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
    }
}
