package org.sourcewire.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HARO-scale population, generated set-based (INSERT ... SELECT over generate_series) in a few statements:
 * sources with 1-5 topics each and keyword alerts for one in ten, journalists, queries (a few open, most closed), and
 * pitches (one open query with 2,000 of them). One topic has exactly {@code bigTopicSubscribers} subscribers. Every
 * source lives in America/New_York (HARO's zone), so one edition of the digest goes to all of them; with
 * {@code digestShare} below 1 that share lives in Asia/Tokyo instead, and only their edition is timed.
 */
final class BenchData {

    static final String[] WORDS = { "sleep", "apnea", "open", "banking", "melatonin", "shift", "workers",
            "budget", "cloud", "security", "privacy", "mortgage", "rates", "tariffs", "supply", "chain", "nutrition",
            "protein", "marathon", "training", "startup", "funding", "remote", "work", "hiring", "inflation", "solar",
            "battery", "electric", "vehicles", "travel", "insurance", "retirement", "savings", "crypto", "fraud",
            "burnout", "therapy", "diabetes", "vaccines", "housing", "rent", "tax", "credit", "cards", "gadgets",
            "smart", "home", "wine", "coffee" };

    static final String BIG_TOPIC = "Bench: the 200,000-subscriber topic";

    final int sources;
    final int journalists;
    final int queries;
    final int openQueries;
    final int pitches;
    final int inboxPitches;
    final int bigTopicSubscribers;
    final double digestShare;

    BenchData(int sources, int journalists, int queries, int openQueries, int pitches, int inboxPitches,
            int bigTopicSubscribers, double digestShare) {
        this.digestShare = digestShare;
        this.sources = sources;
        this.journalists = journalists;
        this.queries = queries;
        this.openQueries = openQueries;
        this.pitches = pitches;
        this.inboxPitches = inboxPitches;
        this.bigTopicSubscribers = bigTopicSubscribers;
    }

    /** The zone whose edition is timed: every source's (New York) or a slice's (Tokyo) when digestShare < 1. */
    String digestZone() {
        return digestShare >= 1 ? "America/New_York" : "Asia/Tokyo";
    }

    static String words() {
        return "array['" + String.join("','", WORDS) + "']";
    }

    /** Generates everything; {@code passwordHash} is a real BCrypt hash, so the benchmark's log-ins cost what they cost. */
    void generate(JdbcClient jdbc, String passwordHash) {
        String words = words();
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                select 'bench-' || g || '@bench.example', :hash, 'Bench Source ' || g, 'SOURCE', now(), now(), now()
                from generate_series(1, :n) g""").param("hash", passwordHash).param("n", sources).update();
        jdbc.sql("""
                insert into source_profile (account_id, handle, name, title, company, bio, time_zone, created_at, updated_at)
                select id, 'bench-' || id, display_name, 'Founder', 'Bench Co ' || id % 1000,
                       'Twenty years of practice in the field; quoted by trade press.',
                       case when (id % 1000) < :share * 1000 then :zone else 'America/New_York' end, now(), now()
                from account where email like 'bench-%@bench.example' and role = 'SOURCE' order by id""")
                .param("share", digestShare).param("zone", digestZone()).update();
        // HARO's list grew sub-categories: 40 topics in all, one of them with exactly bigTopicSubscribers subscribers.
        jdbc.sql("insert into topic (name) values ('" + BIG_TOPIC + "')").update();
        jdbc.sql("insert into topic (name) select 'Bench topic ' || g from generate_series(1, 40 - (select count(*) from topic)) g")
                .update();
        long firstSource = firstSource(jdbc);
        int bigEvery = Math.max(1, sources / bigTopicSubscribers);
        jdbc.sql("""
                insert into topic_subscription (source_id, topic_id, created_at)
                select sp.id, (select id from topic where name = :big), now()
                from source_profile sp where sp.handle like 'bench-%' and (sp.id - :first) % :every = 0
                  and (sp.id - :first) / :every < :count""")
                .param("big", BIG_TOPIC).param("first", firstSource).param("every", bigEvery)
                .param("count", bigTopicSubscribers).update();
        // 1-5 subscriptions each (a big-topic subscriber has one fewer of the others), skewed towards the first topics.
        jdbc.sql("""
                insert into topic_subscription (source_id, topic_id, created_at)
                select sp.id, t.ids[1 + floor(power(random(), 1.15) * cardinality(t.ids))::int], now()
                from source_profile sp
                cross join (select array_agg(id order by id) as ids from topic where retired_at is null and name <> :big) t
                cross join generate_series(1, 5) k
                where sp.handle like 'bench-%' and k <= 1 + (sp.id * 7919) % 5
                  and not (k = 1 and (sp.id - :first) % :every = 0 and (sp.id - :first) / :every < :count)
                on conflict do nothing""")
                .param("big", BIG_TOPIC).param("first", firstSource).param("every", bigEvery)
                .param("count", bigTopicSubscribers).update();
        jdbc.sql("""
                insert into keyword_alert (source_id, phrase, created_at)
                select sp.id, w[1 + floor(random() * cardinality(w))::int]
                              || case when random() < 0.5 then ' ' || w[1 + floor(random() * cardinality(w))::int] else '' end,
                       now()
                from source_profile sp cross join (select %s as w) words cross join generate_series(1, 2) k
                where sp.handle like 'bench-%%' and sp.id %% 10 = 3 and (k = 1 or sp.id %% 20 = 3)
                on conflict do nothing""".formatted(words)).update();
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, outlet_name, outlet_url, email_verified_at,
                                     password_changed_at, created_at)
                select 'bench-j-' || g || '@bench.example', :hash, 'Bench Journalist ' || g, 'JOURNALIST',
                       'Bench Times ' || g % 500, 'https://bench-' || g % 500 || '.example', now(), now(), now()
                from generate_series(1, :n) g""").param("hash", passwordHash).param("n", journalists).update();
        // Query 1 of journalist 1 is the inbox query (open, 2,000 pitches); 2..open are open; the rest closed.
        jdbc.sql("""
                insert into journalist_query (journalist_id, headline, topic_id, outlet_name, outlet_url, media_type, deadline,
                    time_zone, requirements, link_policy, anonymous, status, submitted_at, published_at, closed_at,
                    created_at, updated_at)
                select j.first + (case when g = 1 then 0 else (g * 7919) %% :journalists end),
                       initcap(w[1 + g %% 50]) || ' and ' || w[1 + (g * 7) %% 50] || ': what should readers know about '
                             || w[1 + (g * 13) %% 50] || ' ' || w[1 + (g * 17) %% 50] || '?',
                       t.ids[1 + g %% cardinality(t.ids)], 'Bench Times', 'https://bench.example', 'ONLINE',
                       case when g <= :open then now() + interval '8 days' + (g %% 72) * interval '1 hour'
                            else now() - (g %% 400) * interval '1 day' end,
                       'America/New_York',
                       'Experts in ' || w[1 + (g * 3) %% 50] || ' ' || w[1 + (g * 11) %% 50], 'FOLLOWED', false,
                       case when g <= :open then 'PUBLISHED' else 'CLOSED' end,
                       now() - case when g <= :open then interval '1 hour' else (g %% 400 + 5) * interval '1 day' end,
                       now() - case when g <= :open then interval '1 hour' else (g %% 400 + 5) * interval '1 day' end,
                       case when g <= :open then null else now() - (g %% 400) * interval '1 day' end,
                       now(), now()
                from generate_series(1, :n) g
                cross join (select min(id) as first from account where email like 'bench-j-%%') j
                cross join (select array_agg(id order by id) as ids from topic where retired_at is null) t
                cross join (select %s as w) words
                order by g""".formatted(words))
                .param("journalists", journalists).param("open", openQueries).param("n", queries).update();
        jdbc.sql("""
                insert into query_question (query_id, position, question)
                select q.id, k, (array['What is the one thing most people get wrong about this?',
                                       'What should a reader do first?', 'What numbers or examples can you share?'])[k + 1]
                from journalist_query q join account a on a.id = q.journalist_id and a.email like 'bench-j-%'
                cross join generate_series(0, 2) k""").update();
        long inbox = inboxQuery(jdbc);
        // The inbox query's pitches: screened (score, reasons), with answers, from sources far from the load sources.
        jdbc.sql("""
                insert into pitch (public_id, query_id, source_id, status, why_me, word_count, submission_key, submitted_at,
                                   updated_at, score, flagged, reasons)
                select gen_random_uuid(), :inbox, :first + :offset + g, 'SUBMITTED', 'I run a clinic on exactly this.',
                       120 + g % 120, gen_random_uuid(), now() - (g % 50) * interval '1 minute', now(),
                       (g * 37) % 101, g % 17 = 0,
                       case when g % 17 = 0
                            then '[{"text":"near-duplicate of another pitch","effect":-30,"warning":true}]'::jsonb
                            else '[{"text":"answers every question","effect":10,"warning":false},{"text":"length: 170 words","effect":15,"warning":false}]'::jsonb end
                from generate_series(0, :n - 1) g""")
                .param("inbox", inbox).param("first", firstSource).param("offset", sources / 2).param("n", inboxPitches)
                .update();
        // The flagged ones are near-copies of each other in clusters of six, which the inbox shows as one entry each.
        jdbc.sql("""
                with flagged as (select id, (row_number() over (order by id) - 1) / 6 as cluster
                                 from pitch where query_id = :inbox and flagged)
                update pitch p set cluster_id = c.lead
                from (select id, min(id) over (partition by cluster) as lead from flagged) c where p.id = c.id""")
                .param("inbox", inbox).update();
        jdbc.sql("""
                insert into pitch_answer (pitch_id, position, answer)
                select p.id, k, initcap(w[1 + (p.id + k) %% 50]) || ' matters more than most people think. '
                       || repeat(w[1 + (p.id * 3 + k) %% 50] || ' and ' || w[1 + (p.id * 7 + k) %% 50] || ' change how '
                                 || w[1 + (p.id * 11 + k) %% 50] || ' works in practice; ', 4)
                from pitch p cross join generate_series(0, 2) k cross join (select %s as w) words
                where p.query_id = :inbox""".formatted(words)).param("inbox", inbox).update();
        // The rest: history on the closed queries, about a hundred each, each pair (query, source) once.
        jdbc.sql("""
                insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at,
                                   updated_at, score, flagged)
                select gen_random_uuid(), q.id, :first + ((q.n * 104729 + k * 7919) % :sources), 
                       (array['SUBMITTED','VIEWED','SHORTLISTED','DECLINED','USED'])[1 + (q.n + k) % 5],
                       170, gen_random_uuid(), q.published_at + interval '2 hours', q.published_at + interval '2 hours',
                       (q.n * 31 + k * 17) % 101, false
                from (select id, published_at, row_number() over (order by id) as n from journalist_query
                      where status = 'CLOSED' and outlet_name = 'Bench Times') q
                cross join generate_series(1, :perQuery) k
                limit :n""")
                .param("first", firstSource).param("sources", sources)
                .param("perQuery", (pitches - inboxPitches) / Math.max(1, queries - openQueries) + 1)
                .param("n", pitches - inboxPitches).update();
    }

    static long firstSource(JdbcClient jdbc) {
        return jdbc.sql("select min(id) from source_profile where handle like 'bench-%'").query(Long.class).single();
    }

    static long inboxQuery(JdbcClient jdbc) {
        return jdbc.sql("""
                select min(q.id) from journalist_query q join account a on a.id = q.journalist_id
                where a.email = 'bench-j-1@bench.example'""").query(Long.class).single();
    }

    static List<Long> openQueries(JdbcClient jdbc) {
        return jdbc.sql("""
                select q.id from journalist_query q join account a on a.id = q.journalist_id
                where a.email like 'bench-j-%' and q.status = 'PUBLISHED' order by q.id""").query(Long.class).list();
    }
}
