package org.sourcewire.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.digests.DigestEditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates a HARO-sized population into the configured database and times matching and one digest edition.
 * Not part of {@code ./mvnw verify}; run it with {@code ./mvnw -Pbench test} (the tag "bench" is excluded otherwise).
 *
 * <p>{@code -Dbench.sources=1000000} sources, each subscribed to 1–5 of the topics (skewed, so the largest topic
 * has well over 100,000 subscribers), one in five with one or two keyword alerts; {@code -Dbench.queries=150} open
 * queries; {@code -Dbench.digestShare=0.02} of the sources live in Asia/Tokyo, whose Monday morning edition is timed.
 */
@Tag("bench")
@SourcewireIntegrationTest
// As in production (the test configuration turns the template cache off to pick up edits).
@org.springframework.test.context.TestPropertySource(properties = "spring.thymeleaf.cache=true")
class MatchingAndDigestBenchmark {

    private static final String[] WORDS = { "sleep", "apnea", "open", "banking", "melatonin", "shift", "workers",
            "budget", "cloud", "security", "privacy", "mortgage", "rates", "tariffs", "supply", "chain", "nutrition",
            "protein", "marathon", "training", "startup", "funding", "remote", "work", "hiring", "inflation", "solar",
            "battery", "electric", "vehicles", "travel", "insurance", "retirement", "savings", "crypto", "fraud",
            "burnout", "therapy", "diabetes", "vaccines", "housing", "rent", "tax", "credit", "cards", "gadgets",
            "smart", "home", "wine", "coffee" };

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatchingService matching;

    @Autowired
    DigestEditions editions;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void generateMatchAndBuildAnEdition() {
        int sources = Integer.getInteger("bench.sources", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 150);
        double digestShare = Double.parseDouble(System.getProperty("bench.digestShare", "0.02"));
        String words = "array['" + String.join("','", WORDS) + "']";

        long t = System.nanoTime();
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                select 'bench-' || g || '@bench.example', '{noop}unused', 'Bench Source ' || g, 'SOURCE', now(), now(), now()
                from generate_series(1, :n) g""").param("n", sources).update();
        jdbc.sql("""
                insert into source_profile (account_id, handle, name, time_zone, created_at, updated_at)
                select id, 'bench-' || id, display_name,
                       case when random() < :share then 'Asia/Tokyo'
                            else (array['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London'])[1 + id % 4] end,
                       now(), now()
                from account where email like 'bench-%'""").param("share", digestShare).update();
        // HARO's list grew sub-categories: 40 topics in all. 1-5 subscriptions each, skewed towards the first topics.
        jdbc.sql("insert into topic (name) select 'Bench topic ' || g from generate_series(1, 40 - (select count(*) from topic)) g")
                .update();
        jdbc.sql("""
                insert into topic_subscription (source_id, topic_id, created_at)
                select sp.id, t.ids[1 + floor(power(random(), 1.15) * cardinality(t.ids))::int], now()
                from source_profile sp
                cross join (select array_agg(id order by id) as ids from topic where retired_at is null) t
                cross join generate_series(1, 5) k
                where sp.handle like 'bench-%' and k <= 1 + (sp.id * 7919) % 5
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into keyword_alert (source_id, phrase, created_at)
                select sp.id, w[1 + floor(random() * cardinality(w))::int]
                              || case when random() < 0.5 then ' ' || w[1 + floor(random() * cardinality(w))::int] else '' end,
                       now()
                from source_profile sp cross join (select %s as w) words cross join generate_series(1, 2) k
                where sp.handle like 'bench-%%' and sp.id %% 5 = 0 and (k = 1 or sp.id %% 2 = 0)
                on conflict do nothing""".formatted(words)).update();
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, outlet_name, outlet_url, email_verified_at,
                                     password_changed_at, created_at)
                values ('bench-journalist@bench.example', '{noop}unused', 'Bench Journalist', 'JOURNALIST', 'Bench Times',
                        'https://bench.example', now(), now(), now())""").update();
        jdbc.sql("""
                insert into journalist_query (journalist_id, headline, topic_id, outlet_name, outlet_url, media_type, deadline,
                    time_zone, requirements, link_policy, anonymous, status, submitted_at, published_at, created_at, updated_at)
                select j.id, initcap(w[1 + g %% 50]) || ' and ' || w[1 + (g * 7) %% 50] || ': what should readers know about '
                             || w[1 + (g * 13) %% 50] || ' ' || w[1 + (g * 17) %% 50] || '?',
                       t.ids[1 + g %% cardinality(t.ids)], 'Bench Times', 'https://bench.example', 'ONLINE',
                       now() + interval '8 days' + (g %% 72) * interval '1 hour', 'America/New_York',
                       'Experts in ' || w[1 + (g * 3) %% 50] || ' ' || w[1 + (g * 11) %% 50], 'FOLLOWED', false, 'PUBLISHED',
                       now(), now(), now(), now()
                from generate_series(1, :n) g
                cross join (select id from account where email = 'bench-journalist@bench.example') j
                cross join (select array_agg(id order by id) as ids from topic where retired_at is null) t
                cross join (select %s as w) words""".formatted(words)).param("n", queries).update();
        // What autovacuum does in production: statistics, and the visibility map for index-only scans.
        jdbc.sql("vacuum analyze").update();
        jdbc.sql("checkpoint").update();
        long generated = System.nanoTime() - t;

        record TopicSize(long topicId, long subscribers) {
        }
        TopicSize largest = jdbc.sql("select topic_id, count(*) from topic_subscription group by topic_id order by 2 desc limit 1")
                .query((rs, n) -> new TopicSize(rs.getLong(1), rs.getLong(2))).single();
        long alerts = jdbc.sql("select count(*) from keyword_alert").query(Long.class).single();
        long subscriptions = jdbc.sql("select count(*) from topic_subscription").query(Long.class).single();
        List<Long> ids = jdbc.sql("""
                select id from journalist_query where journalist_id = (select id from account where email = 'bench-journalist@bench.example')
                order by (topic_id = :largest) desc, id""").param("largest", largest.topicId()).query(Long.class).list();

        String plan = String.join("\n", jdbc.sql("explain (analyze, costs off, timing off, summary off) "
                + "select ka.id from keyword_alert ka where ka.lexemes <@ tsvector_to_array(to_tsvector('english', "
                + "(select headline || ' ' || requirements from journalist_query where id = :id)))")
                .param("id", ids.get(0)).query(String.class).list());

        String matchPlan = transactions.execute(status -> {
            status.setRollbackOnly();
            return String.join("\n", jdbc.sql("explain (analyze, costs off, buffers off) " + MatchingService.MATCH_TOPIC)
                    .param("query", ids.get(0)).param("now", new java.sql.Timestamp(System.currentTimeMillis()))
                    .query(String.class).list());
        });
        t = System.nanoTime();
        int largestMatches = matching.match(ids.get(0));
        long largestMs = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        long total = largestMatches;
        for (Long id : ids.subList(1, ids.size())) {
            total += matching.match(id);
        }
        long restMs = (System.nanoTime() - t) / 1_000_000;
        long alertMatches = jdbc.sql("select count(*) from query_match where cardinality(alert_phrases) > 0").query(Long.class).single();

        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant tokyoMorning = ZonedDateTime.of(monday, LocalTime.of(5, 35), ZoneId.of("Asia/Tokyo")).toInstant();
        long tokyoSources = jdbc.sql("select count(*) from source_profile where time_zone = 'Asia/Tokyo'").query(Long.class).single();
        t = System.nanoTime();
        int digests = editions.runDue(tokyoMorning);
        long editionMs = (System.nanoTime() - t) / 1_000_000;
        long items = jdbc.sql("select count(*) from digest_item").query(Long.class).single();
        t = System.nanoTime();
        int again = editions.runDue(tokyoMorning.plusSeconds(60));
        long againMs = (System.nanoTime() - t) / 1_000_000;

        System.out.printf("""

                ==================== Sourcewire benchmark ====================
                population: %,d sources, %,d topic subscriptions, %,d keyword alerts, %,d open queries (generated in %,d s)
                largest topic: %,d subscribers
                match one query in the largest topic: %,d matches in %,d ms
                match the other %,d queries: %,d ms (%,d matches in all, %,d with alert reasons)
                keyword alert lookup plan:
                %s
                plan of the largest match (rolled back):
                %s
                digest edition (Asia/Tokyo, Monday 05:35): %,d sources in the zone, %,d digests with %,d queries queued in %,d ms (%,.0f digests/s)
                the same edition again: %d digests in %,d ms
                ==============================================================
                %n""", sources, subscriptions, alerts, ids.size(), generated / 1_000_000_000, largest.subscribers(),
                largestMatches, largestMs, ids.size() - 1, restMs, total, alertMatches, plan, matchPlan, tokyoSources, digests, items,
                editionMs, digests * 1000.0 / Math.max(1, editionMs), again, againMs);
    }
}
