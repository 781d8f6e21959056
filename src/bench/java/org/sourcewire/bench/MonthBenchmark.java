package org.sourcewire.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sourcewire.digests.DigestEditions;
import org.sourcewire.mail.TestSmtp;
import org.sourcewire.matching.MatchingService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.sourcewire.bench.BenchHttp.cookie;
import static org.sourcewire.bench.BenchHttp.csrf;
import static org.sourcewire.bench.BenchHttp.feeder;

/**
 * Do the figures hold after a month of editions? Generates a (smaller) HARO-shaped population ({@link BenchData}),
 * measures the main figures (trivial endpoint, feed, inbox, a sent pitch, a digest edition), then lives through a
 * month: 60 days of lead-in history generated set-based as the services leave it (queries, their topic matches,
 * three editions a weekday per zone with their deliveries and items, the last 8 days' sent digest mails), then 30
 * days walked hour by hour on a simulated clock ({@link MonthClock}) through the real code: queries published and
 * fanned out by {@link MatchingService}, every edition built by {@link DigestEditions}, its mails marked sent as the
 * sender would, queries closed at their deadlines, and the five retention jobs run every hour (their real beans,
 * through ShedLock) unless {@code -Dbench.month.purges=false}. Then measures the same figures again, and writes
 * before/after, table sizes, each purge's run times and EXPLAIN (ANALYZE, BUFFERS) of each purge statement to
 * target/bench/MONTH.md. {@code ./mvnw -Pbench verify -Dtest=MonthBenchmark}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.thymeleaf.cache=true", "sourcewire.accounts.password-hash-rounds=10", "sourcewire.scheduling.enabled=false",
        "logging.level.org.sourcewire=warn" })
@AutoConfigureMockMvc
@Import({ BenchEndpoints.class, MonthBenchmark.SimulatedTime.class })
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthBenchmark {

    /** The durable database, as {@link HaroScaleBenchmark} measures it (fsync, synchronous commit on). */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("sourcewire.embedded-postgres.durable", () -> System.getProperty("bench.durable", "true"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {

        @Bean
        @Primary
        MonthClock monthClock() {
            return new MonthClock();
        }
    }

    static final String[] TABLES = { "query_match", "digest_item", "digest_delivery", "digest_edition", "mail_outbox" };
    static final String[] JOBS = { "matchRetention", "digestRetention", "outboxRetention", "webhookRetention",
            "eventPublicationRetention" };
    /** The editions' local times (application.yml's defaults), for the lead-in's editions. */
    static final LocalTime[] EDITION_TIMES = { LocalTime.of(5, 35), LocalTime.of(12, 35), LocalTime.of(17, 35) };
    static final String OUTLET = "Bench Month";

    private static final String PASSWORD = "bench-pass-2026";
    private static final Path OUT = Path.of("target", "bench");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MatchingService matching;

    @Autowired
    DigestEditions editions;

    @Autowired
    MonthClock clock;

    @Autowired
    ApplicationContext context;

    private final int sources = Integer.getInteger("bench.sources", 50_000);
    private final BenchData data = new BenchData(sources, Math.max(100, sources / 50), 5_000, 150, sources / 2, 2_000,
            sources / 5, Double.parseDouble(System.getProperty("bench.digestShare", "0.3")));
    private final int days = Integer.getInteger("bench.month.days", 30);
    private final int leadInDays = Integer.getInteger("bench.month.leadInDays", 60);
    /** New queries a day: the population's 150 open queries with 8-11 day deadlines mean about 15 a day. */
    private final int perDay = Integer.getInteger("bench.month.queriesPerDay", 15);
    private final boolean purges = Boolean.parseBoolean(System.getProperty("bench.month.purges", "true"));
    private final int users = Integer.getInteger("bench.users", 50);
    private final int pageSeconds = Integer.getInteger("bench.pageSeconds", 30);
    /** The warm-ups' and the saturated runs' length (a pitch warm-up is half as long again). */
    private final int loadSeconds = Integer.getInteger("bench.month.loadSeconds", 20);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String[]> figures = new LinkedHashMap<>();
    private final Map<String, String[]> sizes = new LinkedHashMap<>();
    private final Map<String, List<Long>> purgeMillis = new LinkedHashMap<>();
    private final List<String> editionRuns = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final String startLoad = loadAverage();
    private final long started = System.nanoTime();
    private long firstSource;
    private long inboxQuery;
    private List<Long> openQueries;
    private String[] sample;

    @Test
    void figuresHoldAfterAMonth() throws Exception {
        try {
            run();
        }
        finally {
            clock.real();
            writeReport();
        }
    }

    private void run() throws Exception {
        Files.createDirectories(OUT);
        data.generate(jdbc, passwords.encode(PASSWORD));
        jdbc.sql("vacuum analyze").update();
        firstSource = BenchData.firstSource(jdbc);
        inboxQuery = BenchData.inboxQuery(jdbc);
        openQueries = BenchData.openQueries(jdbc);
        for (long query : openQueries) {
            matching.match(query);
        }
        jdbc.sql("vacuum analyze").update();
        jdbc.sql("checkpoint").update();
        step("population generated and the open queries matched");

        sizes("before");
        // The JIT compiles the pages' code under load for the first minute or two on two cores: one pass of every
        // measurement first, so "before" is a warmed-up server like "after".
        measure(-1, 4 * data.sources / 5 - 1000);
        figures.clear();
        measure(0, 0);
        step("figures before");

        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant monthStart = end.minus(Duration.ofDays(days));
        Map<String, Long> deletedBefore = deletedRows();
        leadIn(monthStart);
        step("lead-in history (%d days, set-based)".formatted(leadInDays));
        month(monthStart, end);
        step("the month (%d days hour by hour, purges %s)".formatted(days, purges ? "on" : "off"));
        jdbc.sql("vacuum analyze").update();
        jdbc.sql("checkpoint").update();
        Map<String, Long> deletedAfter = deletedRows();
        sizes("after the month" + (purges ? ", purges hourly" : ", no purges"));
        String[] removed = new String[TABLES.length];
        for (int i = 0; i < TABLES.length; i++) {
            removed[i] = "%,d rows".formatted(deletedAfter.get(TABLES[i]) - deletedBefore.get(TABLES[i]));
        }
        sizes.put("removed during the lead-in and the month (n_tup_del)", removed);
        measure(1, 2 * data.sources / 5);
        step("figures after");
        explainPurges(Instant.now());
        step("EXPLAIN of the purges");
    }

    // --- figures -------------------------------------------------------------------------------------------------

    /** Trivial endpoint, feed, inbox (people reading, then saturated), a sent pitch (closed model), a digest edition. */
    private void measure(int column, long sourceOffset) throws Exception {
        List<String> feedSessions = logIn(sourceEmails((long) (data.sources * 0.8) + (column + 1) * users, users)).stream()
                .map(s -> s[0]).toList();
        Path feedFeeder = feeder(OUT, "month-feed-" + column + ".csv", "session", feedSessions);
        gatling(Simulations.Trivial.class, "trivial endpoint", feedFeeder, Map.of("bench.users", "" + users,
                "bench.duration", "" + loadSeconds));
        put(column, "ceiling: trivial endpoint, %d users back to back %d s (after a warm-up)".formatted(users, loadSeconds),
                gatling(Simulations.Trivial.class, "trivial endpoint", feedFeeder,
                        Map.of("bench.users", "" + users, "bench.duration", "" + loadSeconds)));
        pages(column, Simulations.Feed.class, "source feed", feedFeeder, Map.of());
        List<String> journalist = logIn(java.util.Collections.nCopies(users, "bench-j-1@bench.example")).stream()
                .map(s -> s[0]).toList();
        pages(column, Simulations.Inbox.class, "inbox first page", feeder(OUT, "month-inbox-" + column + ".csv", "session",
                journalist), Map.of("bench.inboxQuery", Long.toString(inboxQuery)));
        pitches(column, sourceOffset);
        digestEdition(column);
    }

    private void pages(int column, Class<?> simulation, String request, Path feeder, Map<String, String> extra)
            throws Exception {
        Map<String, String> warm = new LinkedHashMap<>(extra);
        warm.putAll(Map.of("bench.users", "16", "bench.duration", "" + loadSeconds, "bench.thinkMillis", ""));
        gatling(simulation, request, feeder, warm);
        Map<String, String> reading = new LinkedHashMap<>(extra);
        reading.putAll(Map.of("bench.users", "" + users, "bench.duration", "" + pageSeconds, "bench.thinkMillis",
                "1000-3000"));
        put(column, "%s, %d users reading 1-3 s, %d s (target p95 < 50)".formatted(request, users, pageSeconds),
                gatling(simulation, request, feeder, reading));
        Map<String, String> saturated = new LinkedHashMap<>(reading);
        saturated.put("bench.thinkMillis", "");
        saturated.put("bench.duration", "" + loadSeconds);
        put(column, "%s, the same users back to back, %d s".formatted(request, loadSeconds),
                gatling(simulation, request, feeder, saturated));
    }

    /** 16 submitters back to back for 20 s after a 30 s warm-up, each pitch a new (Premium source, open query) pair. */
    private void pitches(int column, long sourceOffset) throws Exception {
        List<Long> pitchable = openQueries.stream().filter(q -> q != inboxQuery).toList();
        int perSource = Math.min(100, pitchable.size());
        int pairs = Integer.getInteger("bench.pitchMaxRate", 700) * 50;
        int loadSources = (pairs + perSource - 1) / perSource;
        jdbc.sql("""
                insert into source_plan (account_id, plan)
                select sp.account_id, 'PREMIUM' from source_profile sp where sp.id >= :first and sp.id < :first + :n
                on conflict do nothing""")
                .param("first", firstSource + sourceOffset).param("n", loadSources).update();
        List<String[]> sessions = logIn(sourceEmails(sourceOffset, loadSources));
        Random random = new Random(42 + column);
        List<String> rows = new ArrayList<>();
        for (int round = 0; round < perSource; round++) {
            for (int s = 0; s < loadSources; s++) {
                rows.add(String.join(",", sessions.get(s)[0], sessions.get(s)[1],
                        Long.toString(pitchable.get((s + round) % pitchable.size())), sentence(random, 50),
                        sentence(random, 55), sentence(random, 45), "Practitioner for " + (5 + random.nextInt(25)) + " years"));
            }
        }
        int warmPairs = pairs * 3 / 5;
        String header = "session,csrf,query,a0,a1,a2,whyMe";
        gatling(Simulations.PitchSubmissionClosed.class, "submit pitch",
                feeder(OUT, "month-pitch-warm-" + column + ".csv", header, rows.subList(0, warmPairs)),
                Map.of("bench.users", "16", "bench.duration", "" + loadSeconds * 3 / 2));
        put(column, "sent pitch, 16 submitters back to back %d s (after a %d s warm-up)".formatted(loadSeconds,
                loadSeconds * 3 / 2),
                gatling(Simulations.PitchSubmissionClosed.class, "submit pitch",
                        feeder(OUT, "month-pitch-" + column + ".csv", header, rows.subList(warmPairs, rows.size())),
                        Map.of("bench.users", "16", "bench.duration", "" + loadSeconds)));
    }

    /**
     * The measured zone's morning edition of next Monday through the real code, carrying the open queries; then its
     * rows are removed again, so the run after the month builds the same edition over a month of history.
     */
    private void digestEdition(int column) {
        ZoneId zone = ZoneId.of(data.digestZone());
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant morning = ZonedDateTime.of(monday, LocalTime.of(5, 35), zone).toInstant();
        long lastMail = jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
        long t = System.nanoTime();
        int digests = editions.runDue(morning);
        long ms = ms(t);
        long edition = jdbc.sql("select id from digest_edition where due_at = :due and time_zone = :zone")
                .param("due", Timestamp.from(morning)).param("zone", zone.getId()).query(Long.class).single();
        long items = count("digest_item where edition_id = " + edition);
        if (sample == null) {
            sample = jdbc.sql("""
                    select subject, text_body, html_body, headers::text from mail_outbox where id > :last
                    order by length(text_body) desc offset (select count(*) / 2 from mail_outbox where id > :last) limit 1""")
                    .param("last", lastMail)
                    .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
                    .single();
        }
        jdbc.sql("delete from mail_outbox where id > :last").param("last", lastMail).update();
        jdbc.sql("delete from digest_item where edition_id = :e").param("e", edition).update();
        jdbc.sql("delete from digest_delivery where edition_id = :e").param("e", edition).update();
        jdbc.sql("delete from digest_edition where id = :e").param("e", edition).update();
        jdbc.sql("vacuum analyze digest_item, digest_delivery, digest_edition, mail_outbox").update();
        put(column, "digest edition of %s (%,d sources), real code".formatted(zone.getId(),
                count("source_profile where time_zone = '" + zone.getId() + "'")),
                "%,d digests (%,d items) in %,.1f s = %,.0f digests/s".formatted(digests, items, ms / 1000.0,
                        digests * 1000.0 / Math.max(1, ms)));
    }

    // --- the month -----------------------------------------------------------------------------------------------

    /**
     * The 60 days before the month, set-based, as the services and the retention jobs would have left them: the
     * queries of those days (closed at their deadlines), their topic matches, three editions a weekday in each zone
     * with the items (each match in the first edition of the source's zone after the query's publication) and the
     * deliveries, and the sent digest mails of the last 8 days (a real digest mail's subject and bodies).
     */
    private void leadIn(Instant monthStart) {
        Instant from = monthStart.minus(Duration.ofDays(leadInDays));
        insertQueries(from, 0, leadInDays * perDay, monthStart);
        jdbc.sql("""
                insert into query_match (source_id, query_id, by_topic, matched_at)
                select ts.source_id, q.id, true, q.published_at
                from journalist_query q join topic_subscription ts on ts.topic_id = q.topic_id
                where q.outlet_name = :outlet and q.published_at < :start
                on conflict do nothing""").param("outlet", OUTLET).param("start", Timestamp.from(monthStart)).update();
        List<String> zones = jdbc.sql("select distinct time_zone from source_profile").query(String.class).list();
        long lastSource = jdbc.sql("select max(id) from source_profile").query(Long.class).single();
        for (String name : zones) {
            ZoneId zone = ZoneId.of(name);
            for (LocalDate day = from.atZone(zone).toLocalDate(); day.isBefore(monthStart.atZone(zone).toLocalDate());
                    day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int e = 0; e < 3; e++) {
                    Instant due = ZonedDateTime.of(day, EDITION_TIMES[e], zone).toInstant();
                    if (due.isBefore(from)) {
                        continue;
                    }
                    jdbc.sql("""
                            insert into digest_edition (time_zone, edition_date, edition, due_at, last_source_id,
                                                        started_at, finished_at)
                            values (:zone, :date, :edition, :due, :last, :due, cast(:due as timestamptz) + interval '2 minutes')""")
                            .param("zone", name).param("date", java.sql.Date.valueOf(day))
                            .param("edition", List.of("MORNING", "MIDDAY", "EVENING").get(e))
                            .param("due", Timestamp.from(due)).param("last", lastSource).update();
                }
            }
        }
        jdbc.sql("""
                with qe as (
                    select q.id as query_id, z.zone,
                           (select e.id from digest_edition e
                            where e.time_zone = z.zone and e.due_at >= q.published_at and e.due_at < q.deadline
                              and e.due_at < :start
                            order by e.due_at limit 1) as edition_id
                    from journalist_query q cross join (select distinct time_zone as zone from source_profile) z
                    where q.outlet_name = :outlet and q.published_at < :start
                )
                insert into digest_item (source_id, query_id, edition_id)
                select m.source_id, m.query_id, qe.edition_id
                from qe join query_match m on m.query_id = qe.query_id
                join source_profile sp on sp.id = m.source_id and sp.time_zone = qe.zone
                where qe.edition_id is not null
                on conflict do nothing""").param("outlet", OUTLET).param("start", Timestamp.from(monthStart)).update();
        jdbc.sql("""
                insert into digest_delivery (source_id, edition_id, query_count, created_at)
                select d.source_id, d.edition_id, count(*), e.due_at + interval '1 minute'
                from digest_item d join digest_edition e on e.id = d.edition_id
                where e.due_at < :start
                group by d.source_id, d.edition_id, e.due_at""").param("start", Timestamp.from(monthStart)).update();
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, text_body, html_body, headers, status, attempts,
                                         next_attempt_at, created_at, sent_at)
                select a.email, :subject, :text, :html, cast(:headers as jsonb), 'SENT', 1, d.created_at, d.created_at,
                       d.created_at + interval '1 minute'
                from digest_delivery d join source_profile sp on sp.id = d.source_id join account a on a.id = sp.account_id
                where d.created_at >= :from and d.created_at < :start
                order by d.created_at, d.source_id""")
                .param("subject", sample[0]).param("text", sample[1]).param("html", sample[2]).param("headers", sample[3])
                .param("from", Timestamp.from(monthStart.minus(Duration.ofDays(8))))
                .param("start", Timestamp.from(monthStart)).update();
        jdbc.sql("vacuum analyze").update();
        jdbc.sql("checkpoint").update();
    }

    /**
     * Queries {@code from..to} (numbered from {@code start}'s day, {@code perDay} a day between 07:00 and 19:00 UTC),
     * deadlines 2-9 days after publication and never after {@code end}; closed if their deadline is before
     * {@code closedBefore}. Returns their ids.
     */
    private List<Long> insertQueries(Instant start, long from, long to, Instant closedBefore) {
        List<Long> ids = jdbc.sql("""
                insert into journalist_query (journalist_id, headline, topic_id, outlet_name, outlet_url, media_type,
                    deadline, time_zone, requirements, link_policy, anonymous, status, submitted_at, published_at,
                    closed_at, created_at, updated_at)
                select j.first + (g * 7919) % cast(:journalists as int),
                       initcap(w[1 + g % 50]) || ' and ' || w[1 + (g * 7) % 50] || ': what should readers know about '
                           || w[1 + (g * 13) % 50] || ' ' || w[1 + (g * 17) % 50] || '?',
                       t.ids[1 + (g * 31) % cardinality(t.ids)], :outlet, 'https://bench.example', 'ONLINE',
                       x.deadline, 'America/New_York',
                       'Experts in ' || w[1 + (g * 3) % 50] || ' ' || w[1 + (g * 11) % 50], 'FOLLOWED', false,
                       case when x.deadline < cast(:closed as timestamptz) then 'CLOSED' else 'PUBLISHED' end,
                       x.published - interval '1 hour', x.published,
                       case when x.deadline < cast(:closed as timestamptz) then x.deadline end,
                       x.published - interval '1 hour',
                       greatest(x.published, least(x.deadline, cast(:closed as timestamptz)))
                from generate_series(cast(:from as bigint), cast(:to as bigint) - 1) g
                cross join lateral (select p as published,
                                           least(p + (2 + g % 8) * interval '1 day' + interval '3 hours',
                                                 cast(:end as timestamptz)) as deadline
                                    from (select cast(:start as timestamptz) + (g / cast(:perDay as int)) * interval '1 day'
                                                 + interval '7 hours'
                                                 + (g % cast(:perDay as int)) * (interval '12 hours' / cast(:perDay as int)) as p) p0) x
                cross join (select min(id) as first from account where email like 'bench-j-%') j
                cross join (select array_agg(id order by id) as ids from topic where retired_at is null) t
                cross join (select WORDS as w) words
                order by g
                returning id""".replace("WORDS", BenchData.words()))
                .param("journalists", data.journalists).param("outlet", OUTLET).param("closed", Timestamp.from(closedBefore))
                .param("from", from).param("to", to).param("start", Timestamp.from(start)).param("perDay", perDay)
                .param("end", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1))))
                .query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    insert into query_question (query_id, position, question)
                    select q.id, k, (array['What is the one thing most people get wrong about this?',
                                           'What should a reader do first?', 'What numbers or examples can you share?'])[k + 1]
                    from journalist_query q cross join generate_series(0, 2) k where q.id in (:ids)""")
                    .param("ids", ids).update();
        }
        return ids;
    }

    /** The month hour by hour on the app's clock: publications and fan-out, closings, editions, sending, purges. */
    private void month(Instant start, Instant end) throws Exception {
        // The population's open queries were published an hour ago: at the simulated times they did not exist yet.
        jdbc.sql("update journalist_query set status = 'PENDING_REVIEW' where id in (:ids)").param("ids", openQueries)
                .update();
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (String name : JOBS) {
            jobs.put(name, context.getBean(name));
            purgeMillis.put(name, new ArrayList<>());
        }
        long nextQuery = 0;
        long total = (long) days * perDay;
        long matches = 0;
        long matchMs = 0;
        long editionMs = 0;
        long editionDigests = 0;
        try {
            for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
                long upTo = nextQuery;
                while (upTo < total && published(start, upTo).isBefore(hour.plus(Duration.ofHours(1)))) {
                    upTo++;
                }
                if (upTo > nextQuery) {
                    clock.set(published(start, nextQuery));
                    List<Long> ids = insertQueries(start, nextQuery, upTo, Instant.EPOCH);
                    for (int i = 0; i < ids.size(); i++) {
                        clock.set(published(start, nextQuery + i));
                        long t = System.nanoTime();
                        matches += matching.match(ids.get(i));
                        matchMs += ms(t);
                    }
                    nextQuery = upTo;
                }
                clock.set(hour);
                jdbc.sql("""
                        update journalist_query set status = 'CLOSED', closed_at = deadline, updated_at = deadline
                        where outlet_name = :outlet and status = 'PUBLISHED' and deadline <= :now""")
                        .param("outlet", OUTLET).param("now", Timestamp.from(hour)).update();
                // The edition job runs every minute; the editions are due at :35 local, whole hours from UTC here.
                Instant at = hour.plus(Duration.ofMinutes(36));
                clock.set(at);
                long t = System.nanoTime();
                int digests = editions.runDue(at);
                long ms = ms(t);
                if (digests > 0) {
                    editionMs += ms;
                    editionDigests += digests;
                    editionRuns.add("%s | %,d | %,d | %,.0f".formatted(at.truncatedTo(ChronoUnit.MINUTES), digests, ms,
                            digests * 1000.0 / Math.max(1, ms)));
                }
                // The outbox sender, set-based: what it leaves on each mail it sent.
                jdbc.sql("""
                        update mail_outbox set status = 'SENT', attempts = 1, sent_at = next_attempt_at + interval '1 minute'
                        where status = 'PENDING'""").update();
                if (purges) {
                    clock.set(hour.plus(Duration.ofMinutes(50)));
                    for (Map.Entry<String, Object> job : jobs.entrySet()) {
                        Method run = job.getValue().getClass().getMethod("run");
                        run.setAccessible(true);
                        t = System.nanoTime();
                        run.invoke(job.getValue());
                        purgeMillis.get(job.getKey()).add(ms(t));
                    }
                }
            }
        }
        finally {
            clock.real();
            jdbc.sql("update journalist_query set status = 'PUBLISHED' where id in (:ids)").param("ids", openQueries)
                    .update();
        }
        timeline.add("- the month: %,d queries published and fanned out by MatchingService to %,d matches in %,.1f s; "
                .formatted(nextQuery, matches, matchMs / 1000.0) + "%,d editions built by DigestEditions: %,d digests in %,.1f s (%,.0f digests/s)"
                        .formatted(editionRuns.size(), editionDigests, editionMs / 1000.0,
                                editionDigests * 1000.0 / Math.max(1, editionMs)));
    }

    private Instant published(Instant start, long g) {
        return start.plus(Duration.ofDays(g / perDay)).plus(Duration.ofHours(7))
                .plus(Duration.ofMinutes(12 * 60 * (g % perDay) / perDay));
    }

    // --- EXPLAIN -------------------------------------------------------------------------------------------------

    /**
     * Each purge's statements as the retention classes send them (BatchedDeletes wraps each selection in
     * {@code delete ... where ctid = any(array(... limit 10000))}), as of {@code asOf} (a few days on, so that they
     * have rows to remove), each in a transaction that is rolled back.
     */
    private void explainPurges(Instant now) throws Exception {
        // Matches and editions go a query or an edition at a time: as of tomorrow's runs, so there are some to find.
        Instant asOf = now.plus(Duration.ofDays(1));
        String matchCutoff = literal(asOf.minus(Duration.ofDays(30)));
        String digestCutoff = literal(asOf.minus(Duration.ofDays(60)));
        String queries = jdbc.sql("""
                select coalesce(string_agg(id::text, ','), '0') from (select q.id from query_summary q
                where q.deadline < %s and exists (select 1 from query_match m where m.query_id = q.id) order by q.id limit 100) x"""
                .formatted(matchCutoff)).query(String.class).single();
        String editionIds = jdbc.sql("""
                select coalesce(string_agg(id::text, ','), '0') from (select id from digest_edition
                where finished_at is not null and due_at < %s order by id limit 50) x""".formatted(digestCutoff))
                .query(String.class).single();
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("MatchRetention: which closed queries still have matches", """
                select q.id from query_summary q
                where q.deadline < %s and exists (select 1 from query_match m where m.query_id = q.id)
                order by q.id""".formatted(matchCutoff));
        statements.put("MatchRetention: one batch of matches (100 queries)", batch("query_match",
                "select ctid from query_match where query_id in (" + queries + ")"));
        statements.put("DigestRetention: old editions", """
                select id from digest_edition where finished_at is not null and due_at < %s order by id"""
                .formatted(digestCutoff));
        String firstEdition = editionIds.split(",")[0];
        statements.put("DigestRetention: one batch of items (one edition)", batch("digest_item", """
                select d.ctid from digest_item d
                where d.edition_id = %s
                  and not exists (select 1 from query_summary q where q.id = d.query_id and q.deadline >= %s)"""
                .formatted(firstEdition, digestCutoff)));
        statements.put("DigestRetention: one batch of deliveries (one edition)", batch("digest_delivery",
                "select ctid from digest_delivery where edition_id = " + firstEdition));
        statements.put("DigestRetention: the editions", """
                delete from digest_edition e
                where e.id in (%s)
                  and not exists (select 1 from digest_item d where d.edition_id = e.id)
                  and not exists (select 1 from digest_delivery d where d.edition_id = e.id)""".formatted(editionIds));
        // The purge asks a day of creation at a time, from the oldest sent mail (OutboxRetention.SENT_MAIL).
        Instant hourly = now.plus(Duration.ofHours(1)).minus(Duration.ofDays(7));
        statements.put("OutboxRetention: one batch of sent mail, as the next hourly run finds it (its oldest day)",
                batch("mail_outbox", sentMailDay(hourly.minus(Duration.ofDays(1)), hourly)));
        Instant catchUp = now.plus(Duration.ofDays(3)).minus(Duration.ofDays(7));
        statements.put("OutboxRetention: one batch of sent mail, catching up three days (one day of them)",
                batch("mail_outbox", sentMailDay(catchUp.minus(Duration.ofDays(1)), catchUp)));
        statements.put("OutboxRetention: one batch of failed mail", batch("mail_outbox",
                "select ctid from mail_outbox where created_at < %s and status = 'FAILED'"
                        .formatted(literal(asOf.minus(Duration.ofDays(30))))));
        statements.put("WebhookRetention: one batch", batch("webhook_message",
                "select ctid from webhook_message where created_at < %s and status <> 'PENDING'"
                        .formatted(literal(asOf.minus(Duration.ofDays(30))))));
        statements.put("EventPublicationRetention (Modulith's statement)",
                "delete from event_publication where completion_date < " + literal(asOf.minus(Duration.ofDays(7))));
        StringBuilder text = new StringBuilder("## EXPLAIN (ANALYZE, BUFFERS) of each purge statement\n\nAs of "
                + asOf.truncatedTo(ChronoUnit.MINUTES) + " (a day after the run, so the match and digest purges have a "
                + "day's queries and editions to find; the outbox as its next hourly run and as a three-day catch-up), "
                + "each in a transaction rolled back afterwards.\n");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, String> statement : statements.entrySet()) {
                List<String> plan = new ArrayList<>();
                try (Statement s = connection.createStatement();
                        ResultSet rs = s.executeQuery("explain (analyze, buffers) " + statement.getValue())) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
                finally {
                    connection.rollback();
                }
                text.append("\n### ").append(statement.getKey()).append("\n\n```sql\n").append(statement.getValue().strip())
                        .append("\n```\n\n```\n").append(String.join("\n", plan)).append("\n```\n");
            }
        }
        notes.add(text.toString());
    }

    private static String batch(String table, String select) {
        return "delete from " + table + " where ctid = any(array(" + select + " limit 10000))";
    }

    private static String sentMailDay(Instant from, Instant to) {
        return "select ctid from mail_outbox where created_at >= %s and created_at < %s and status in ('SENT', 'LOGGED')"
                .formatted(literal(from), literal(to));
    }

    private static String literal(Instant instant) {
        return "'" + instant + "'::timestamptz";
    }

    // --- sizes ---------------------------------------------------------------------------------------------------

    private void sizes(String when) {
        String[] row = new String[TABLES.length];
        for (int i = 0; i < TABLES.length; i++) {
            long rows = count(TABLES[i]);
            long bytes = jdbc.sql("select pg_total_relation_size(cast(:t as regclass))").param("t", TABLES[i])
                    .query(Long.class).single();
            row[i] = "%,d rows, %,.0f MB".formatted(rows, bytes / 1048576.0);
        }
        sizes.put(when, row);
    }

    private Map<String, Long> deletedRows() {
        jdbc.sql("select pg_stat_force_next_flush()").query(Object.class).list();
        return jdbc.sql("select relname, n_tup_del from pg_stat_user_tables where relname in (:t)")
                .param("t", List.of(TABLES)).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // --- report --------------------------------------------------------------------------------------------------

    private void put(int column, String figure, GatlingRun.Stats stats) {
        put(column, figure, "%,.0f req/s, p50 %d, p95 %d, p99 %d, %,d KO".formatted(stats.rps(), stats.p50(),
                stats.p95(), stats.p99(), stats.ko()));
    }

    private void put(int column, String figure, String value) {
        if (column < 0) {
            return;
        }
        figures.computeIfAbsent(figure, f -> new String[2])[column] = value;
    }

    private void step(String what) {
        timeline.add("- %s: done %,d s after the start".formatted(what, ms(started) / 1000));
    }

    private void writeReport() throws IOException {
        StringBuilder md = new StringBuilder("# Sourcewire: the figures after a simulated month\n\n");
        md.append("Run at ").append(Instant.now()).append(" by `./mvnw -Pbench verify -Dtest=MonthBenchmark`")
                .append(" in %,.1f min.\n\n".formatted(ms(started) / 60_000.0));
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ");
        try {
            md.append(jdbc.sql("select split_part(version(), ' on ', 1)").query(String.class).single()).append(" (")
                    .append(String.join(", ", jdbc.sql("""
                            select name || '=' || setting from pg_settings
                            where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers')
                            order by name""").query(String.class).list()))
                    .append("), app, database and Gatling on the same machine; max heap ")
                    .append(Runtime.getRuntime().maxMemory() >> 20).append(" MB.\n\n");
        }
        catch (RuntimeException ex) {
            md.append("(database gone: ").append(ex.getMessage()).append(")\n\n");
        }
        md.append("Load average (`/proc/loadavg`) at the start: ").append(startLoad).append("; at the end: ")
                .append(loadAverage()).append(".\n\n");
        md.append("Population: %,d sources (%.0f%% in %s, the rest in America/New_York), %,d journalists, 5,000 queries "
                .formatted(data.sources, data.digestShare * 100, data.digestZone(), data.journalists)
                + "(150 open), %,d pitches; %d new queries a day; lead-in %d days, month %d days; purges %s.\n\n"
                        .formatted(data.pitches, perDay, leadInDays, days, purges ? "every simulated hour" : "off"));
        md.append("## Figures before and after (times in ms)\n\n| figure | before | after the month |\n| --- | --- | --- |\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1])
                .append(" |\n"));
        md.append("\n## Table sizes (rows; MB with indexes and TOAST)\n\n| when | ").append(String.join(" | ", TABLES))
                .append(" |\n|---|---|---|---|---|---|\n");
        sizes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.join(" | ", v)).append(" |\n"));
        md.append("\n## Purge runs (each job's run() every simulated hour, through its bean and ShedLock)\n\n")
                .append("| job | runs | total ms | median ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- | --- |\n");
        purgeMillis.forEach((job, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            if (!sorted.isEmpty()) {
                md.append("| %s | %d | %,d | %d | %d | %d |\n".formatted(job, sorted.size(),
                        sorted.stream().mapToLong(Long::longValue).sum(), sorted.get(sorted.size() / 2),
                        sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1)));
            }
        });
        md.append("\n## Timeline\n\n").append(String.join("\n", timeline)).append("\n");
        md.append("\n## Editions built by the real code during the month\n\n| at | digests | ms | digests/s |\n| --- | --- | --- | --- |\n");
        editionRuns.forEach(r -> md.append("| ").append(r).append(" |\n"));
        notes.forEach(n -> md.append("\n").append(n).append("\n"));
        Files.createDirectories(OUT);
        Path file = OUT.resolve(purges ? "MONTH.md" : "MONTH-no-purges.md");
        Files.writeString(file, md.toString());
        System.out.println("\n" + md);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private GatlingRun.Stats gatling(Class<?> simulation, String request, Path feeder, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("bench.feeder", feeder.toString());
        all.put("bench.baseUrl", "http://127.0.0.1:" + port);
        Path run = GatlingRun.run(simulation, OUT.resolve("gatling"), all);
        return GatlingRun.stats(run, request);
    }

    private List<String> sourceEmails(long fromOffset, int n) {
        return jdbc.sql("""
                select a.email from source_profile sp join account a on a.id = sp.account_id
                where sp.id >= :first + :from and sp.id < :first + :from + :n order by sp.id""")
                .param("first", firstSource).param("from", fromOffset).param("n", n).query(String.class).list();
    }

    /** Logs each address in through the login form; returns (session cookie, CSRF token) pairs. */
    private List<String[]> logIn(List<String> emails) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> futures = new ArrayList<>();
            for (String email : emails) {
                futures.add(pool.submit(() -> logIn(email)));
            }
            List<String[]> result = new ArrayList<>();
            for (Future<String[]> future : futures) {
                result.add(future.get());
            }
            return result;
        }
        finally {
            pool.shutdown();
        }
    }

    private String[] logIn(String email) throws Exception {
        BenchHttp.Session session = BenchHttp.logIn(http, "http://127.0.0.1:" + port, email, PASSWORD);
        return new String[] { session.cookie(), session.csrf() };
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(BenchData.WORDS[random.nextInt(BenchData.WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException ex) {
            return "unknown";
        }
    }
}
