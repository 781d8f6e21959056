package org.sourcewire.screening;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.audit.Actor;
import org.sourcewire.evaluation.LabelledSet;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.shared.RuleException;
import org.sourcewire.topics.TopicCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Times screening: loading its models; screening one pitch against {@code -Dbench.pitches=1000000} stored pitches
 * (their MinHash signatures and band hashes, and their meanings with their hyperplane bands), with the labelled
 * evaluation pitches as the new ones, one thread at a time; then, with those million pitches stored, screening's
 * throughput on its two threads while pages are served. On the durable embedded server. Not part of
 * {@code ./mvnw verify}: {@code ./mvnw -Pbench verify -Dtest=ScreeningBenchmark}.
 */
@Tag("bench")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ScreeningBenchmark extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ScreeningBenchmark.class);

    /** The database a user runs: crash-safe, as the app's own embedded server (see HaroScaleBenchmark). */
    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("sourcewire.embedded-postgres.durable", () -> System.getProperty("bench.durable", "true"));
    }

    @Autowired
    ScreeningService screening;

    @Autowired
    PitchSignals signals;

    @Autowired
    Meanings meanings;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    QueryManagement queryManagement;

    @Autowired
    PitchManagement pitchManagement;

    @Autowired
    TopicCatalog topics;

    @Autowired
    JsonMapper json;

    @Test
    @org.junit.jupiter.api.Order(1)
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
        // Meanings.BITS random bits below) for their hyperplane bands: each band value then has about stored / 4,096
        // pitches, as meanings spread evenly over the buckets would have (real ones bunch up more).
        jdbc.sql("""
                insert into pitch_meaning (pitch_id, query_id, source_id, vector)
                select s.pitch_id, s.query_id, s.source_id,
                       array(select (random() - 0.5)::real + (s.pitch_id * 0)::real from generate_series(1, 384))
                from pitch_signature s""").update();
        jdbc.sql("""
                insert into pitch_meaning_band (band_hash, pitch_id)
                select (b::bigint << :bits) | (random() * ((1 << :bits) - 1))::bigint, m.pitch_id
                from pitch_meaning m, generate_series(0, :bands - 1) b""")
                .param("bits", Meanings.BITS).param("bands", Meanings.BANDS).update();
        // As autovacuum leaves them after a while: statistics, and the visibility map the index-only scans need.
        for (String table : List.of("pitch_meaning_band", "pitch_meaning", "pitch_band", "pitch_signature", "pitch")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
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
        // The look-up of reworded copies alone: the bands of each pitch's meaning through the index, then the exact
        // comparison with the 50 stored meanings sharing the most bands.
        List<Long> lookups = new ArrayList<>();
        for (JsonNode pitch : set.get("pitches")) {
            List<String> answers = new ArrayList<>();
            pitch.get("answers").forEach(answer -> answers.add(answer.asString()));
            PitchScreening.Draft draft = new PitchScreening.Draft(null, query, source, "What experts see in their work",
                    answers.stream().map(answer -> "What do you see in your work?").toList(), null, answers, null);
            float[] meaning = signals.meaning(draft);
            long started = System.nanoTime();
            meanings.closest(draft, meaning, ScreeningService.PARAPHRASE);
            lookups.add(System.nanoTime() - started);
        }
        long[] lookup = lookups.stream().mapToLong(Long::longValue).sorted().toArray();
        log.info("""

                Screening benchmark: {} pitches screened against {} stored pitches ({} band rows)
                  whole screening of a pitch: mean {} ms, p50 {} ms, p95 {} ms, p99 {} ms, max {} ms
                  the look-up of reworded copies alone: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms""", sorted.length,
                stored, bands, String.format("%.1f", Arrays.stream(sorted).average().orElse(0) / 1e6), ms(sorted, 0.5),
                ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0), ms(lookup, 0.5), ms(lookup, 0.95), ms(lookup, 0.99),
                ms(lookup, 1.0));
    }

    /**
     * Screening's throughput while pages are served: the corpus's labelled pitches (all three splits: real texts of every
     * kind) arrive at {@code -Dbench.screeningRate=20} a second through the pitch service, while journalists read their
     * inboxes and sources their feeds (MockMvc, the whole MVC and security stack without the socket), each user reading
     * a page for 0.5-1.5 s before the next. Reports how long each pitch waited for its verdict (submission to
     * {@code screened_at}), the pages' latency before and during, and then the most screening sustains: a burst of
     * pitches sent at once, and the rate its backlog drains at.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void screeningKeepsUpWhilePagesAreServed() throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.screeningRate", "20"));
        int readers = Integer.getInteger("bench.screeningReaders", 16);
        LabelledSet corpus = corpus();
        CurrentUser journalist = testAccounts.journalist();
        AccountView journalistView = accountManagement.find(journalist.id()).orElseThrow();
        long general = topics.activeTopics().stream().filter(topic -> topic.name().equalsIgnoreCase("general"))
                .findFirst().orElse(topics.activeTopics().get(0)).id();
        Map<String, Long> queryIds = new HashMap<>();
        for (LabelledSet.Query query : corpus.queries()) {
            queryIds.put(query.id(), queryManagement.publishApproved(journalistView, query.headline(), general,
                    query.questions(), query.requirements(), Actor.system()));
        }
        Map<String, AccountView> sources = sources(corpus, "bench");
        List<CurrentUser> feedReaders = new ArrayList<>();
        for (int i = 0; i < readers / 2; i++) {
            feedReaders.add(testAccounts.source());
        }
        List<Long> inboxes = List.copyOf(queryIds.values());

        // Readers: half journalists on an inbox, half sources on their feed.
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicBoolean loaded = new AtomicBoolean(false);
        List<Long> quietPages = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> busyPages = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger pageErrors = new AtomicInteger();
        ExecutorService readerPool = Executors.newFixedThreadPool(readers);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            readerPool.submit(() -> {
                Random random = new Random(reader);
                while (reading.get()) {
                    String uri = reader % 2 == 0 ? "/queries/" + inboxes.get(random.nextInt(inboxes.size())) + "/pitches" : "/feed";
                    CurrentUser user = reader % 2 == 0 ? journalist : feedReaders.get(reader / 2);
                    long started = System.nanoTime();
                    int status = mvc.get().uri(uri).with(TestAccounts.as(user)).exchange().getResponse().getStatus();
                    (loaded.get() ? busyPages : quietPages).add(System.nanoTime() - started);
                    if (status != 200) {
                        pageErrors.incrementAndGet();
                    }
                    Thread.sleep(500 + random.nextInt(1000));
                }
                return null;
            });
        }
        Thread.sleep(20_000);

        // Pitches at a fixed rate (open model): each arrival sent by a small pool, so a slow one does not hold the next.
        loaded.set(true);
        List<LabelledSet.Pitch> arriving = new ArrayList<>(corpus.pitches());
        java.util.Collections.shuffle(arriving, new Random(7));
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<UUID>> sent = new ArrayList<>();
        List<Long> submitNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < arriving.size(); i++) {
            LabelledSet.Pitch pitch = arriving.get(i);
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sent.add(senders.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    return send(sources.get(pitch.source()), queryIds.get(pitch.query()), pitch);
                }
                finally {
                    submitNanos.add(System.nanoTime() - t0);
                }
            }));
        }
        List<UUID> ids = stored(sent);
        double sending = (System.nanoTime() - start) / 1e9;
        awaitScreened(ids);
        double drained = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2_000);
        loaded.set(false);
        String waits = waits(ids);

        // The most screening sustains: the whole corpus again from new accounts (made first: hashing their passwords
        // takes a core), all at once, and the rate the backlog drains at.
        Map<String, AccountView> burstSources = sources(corpus, "burst");
        List<java.util.concurrent.Future<UUID>> burst = new ArrayList<>();
        for (LabelledSet.Pitch pitch : arriving) {
            burst.add(senders.submit(() -> send(burstSources.get(pitch.source()), queryIds.get(pitch.query()), pitch)));
        }
        List<UUID> burstIds = stored(burst);
        awaitScreened(burstIds);
        double capacity = jdbc.sql("""
                select count(*) / extract(epoch from max(screened_at) - min(submitted_at)) from pitch
                where public_id in (:ids)""").param("ids", burstIds).query(Double.class).single();
        reading.set(false);
        readerPool.shutdown();
        readerPool.awaitTermination(10, TimeUnit.SECONDS);
        senders.shutdown();

        long[] submit = submitNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] quiet = quietPages.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] busy = busyPages.stream().mapToLong(Long::longValue).sorted().toArray();
        log.info("""

                Screening while pages are served: {} pitches arriving at {}/s ({} s), {} readers (half inboxes, half feeds)
                  all screened {} s after the first arrived; wait from submission to verdict: {}
                  pitch service call (stores the pitch, screening follows): p50 {} ms, p99 {} ms
                  pages before the pitches: {} requests, p50 {} ms, p95 {} ms; while screening: {} requests, p50 {} ms, p95 {} ms; {} errors
                Screening's capacity: a burst of {} pitches sent at once drained at {} pitches/s (2 screening threads)""",
                ids.size(), rate, String.format("%.1f", sending), readers, String.format("%.1f", drained), waits,
                ms(submit, 0.5), ms(submit, 0.99), quiet.length, ms(quiet, 0.5), ms(quiet, 0.95), busy.length,
                ms(busy, 0.5), ms(busy, 0.95), pageErrors.get(), burstIds.size(), String.format("%.1f", capacity));
    }

    /** One verified source account per source key of the set (made up front: hashing a password takes a core). */
    private Map<String, AccountView> sources(LabelledSet set, String prefix) {
        Map<String, AccountView> sources = new HashMap<>();
        for (LabelledSet.Pitch pitch : set.pitches()) {
            sources.computeIfAbsent(pitch.source(), key -> accountManagement.createVerified(new SignUp(prefix + " " + key,
                    TestAccounts.uniqueEmail(prefix + "-" + key.toLowerCase(Locale.ROOT)), TestAccounts.PASSWORD,
                    Role.SOURCE, null, null)));
        }
        return sources;
    }

    /** Sends a pitch through the pitch service; null when the form refuses it (over the word limit). */
    private UUID send(AccountView source, long queryId, LabelledSet.Pitch pitch) {
        try {
            return pitchManagement.submit(source, queryId, pitch.answers(), null, UUID.randomUUID());
        }
        catch (RuleException refused) {
            return null;
        }
    }

    /** The pitches the sends stored. */
    private static List<UUID> stored(List<java.util.concurrent.Future<UUID>> sent) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (var future : sent) {
            UUID id = future.get();
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private String waits(List<UUID> ids) {
        return jdbc.sql("""
                select percentile_cont(0.5) within group (order by w), percentile_cont(0.99) within group (order by w), max(w)
                from (select extract(epoch from screened_at - submitted_at) * 1000 as w from pitch where public_id in (:ids)) x""")
                .param("ids", ids)
                .query((rs, n) -> String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms", rs.getDouble(1), rs.getDouble(2),
                        rs.getDouble(3)))
                .single();
    }

    private void awaitScreened(List<UUID> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (jdbc.sql("select count(*) from pitch where public_id in (:ids) and screened_at is null").param("ids", ids)
                .query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Pitches still unscreened after 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    private LabelledSet corpus() throws Exception {
        List<LabelledSet.Query> queries = new ArrayList<>();
        List<LabelledSet.Pitch> pitches = new ArrayList<>();
        for (String split : List.of("train", "validation", "test")) {
            try (InputStream in = getClass().getResourceAsStream("/screening/corpus/" + split + ".json")) {
                LabelledSet set = LabelledSet.read(json.readTree(in));
                queries.addAll(set.queries());
                pitches.addAll(set.pitches());
            }
        }
        return new LabelledSet(queries, pitches);
    }

    private static String ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
    }
}
