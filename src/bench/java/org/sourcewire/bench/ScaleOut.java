package org.sourcewire.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import org.sourcewire.bench.BenchHttp.Session;

import static org.sourcewire.bench.BenchHttp.cookie;
import static org.sourcewire.bench.BenchHttp.csrf;

/**
 * Several instances for real (issue 22, items 3-5): PostgreSQL 17 as its own server (crash-safe: fsync, synchronous
 * commit and full-page writes on), an SMTP server, the packaged jar started twice as separate processes, Debian's
 * nginx in front of them with a copy of {@code src/main/docker/nginx.conf} whose upstream addresses are rewritten to
 * loopback, and wrk as the load generator in its own process. It checks what must hold with two instances (a failed
 * check ends the run with exit status 1), measures one instance against two and the CPU per request, and the
 * efficiency ratios (a page's or a pitch's rate against the trivial endpoint's, measured in the same run).
 * Run by {@code src/bench/scale-out.sh}; the report goes to {@code target/bench/SCALE.md}.
 */
public final class ScaleOut {

    private static final String PASSWORD = "bench-pass-2026";
    private static final String ADMIN_PASSWORD = "Sw-" + UUID.randomUUID(); // strong enough for the first-admin check
    private static final Path OUT = Path.of("target", "scale").toAbsolutePath();
    private static final Path REPORT = Path.of("target", "bench", "SCALE.md").toAbsolutePath();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU in 1/100 s

    // Free ports of this moment: other builds on the machine start servers of their own.
    private final int pgPort = freePort();
    private final int smtpPort = freePort();
    private final int[] appPorts = { freePort(), freePort() };
    private final int nginxPort = freePort();
    private final int seconds = Integer.getInteger("scale.seconds", 20);
    private final int warmSeconds = Integer.getInteger("scale.warmSeconds", 20);
    private final int connections = Integer.getInteger("scale.connections", 50);
    private final boolean checks = !Boolean.getBoolean("scale.ratiosOnly");
    private final String label = System.getProperty("scale.label", "run");
    private final Path jar;
    private final Path wrkDir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** Where the next check's line goes: the checks section, also for the check run after the throughput table. */
    private int checksAt;
    private final Process[] apps = new Process[2];
    private Process nginx;
    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private JdbcClient jdbc;
    private String database;

    private ScaleOut(Path jar, Path wrkDir) {
        this.jar = jar;
        this.wrkDir = wrkDir;
    }

    public static void main(String[] args) throws Exception {
        ScaleOut run = new ScaleOut(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        // Also on Ctrl-C or kill: no app, nginx or database process outlives the run.
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopAll));
        int status = 1;
        try {
            status = run.run();
        }
        catch (Exception ex) {
            ex.printStackTrace();
        }
        run.stopAll(); // the apps before their database (zonky's own hook would stop it first)
        System.exit(status);
    }

    private int run() throws Exception {
        Files.createDirectories(OUT);
        Files.createDirectories(REPORT.getParent());
        startDatabaseAndMail();
        // Phase 1: one instance without its scheduled jobs migrates the schema; then the population is generated.
        start(0, false, false);
        BenchData data = new BenchData(Integer.getInteger("scale.sources", 20_000), 500, 2_000, 150, 20_000, 2_000,
                5_000, 1);
        long t = System.nanoTime();
        data.generate(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD));
        long firstSource = BenchData.firstSource(jdbc);
        long inboxQuery = BenchData.inboxQuery(jdbc);
        List<Long> openQueries = BenchData.openQueries(jdbc);
        // Thirty sources in UTC whose morning edition is due now (SOURCEWIRE_DIGESTS_MORNING below), with matches.
        jdbc.sql("update source_profile set time_zone = 'UTC' where id >= :first + 19000 and id < :first + 19030")
                .param("first", firstSource).update();
        jdbc.sql("""
                insert into query_match (source_id, query_id, by_topic, matched_at)
                select ts.source_id, q.id, true, now() from topic_subscription ts
                join journalist_query q on q.topic_id = ts.topic_id and q.status = 'PUBLISHED'
                where ts.source_id >= :first + 19000 and ts.source_id < :first + 19030
                on conflict do nothing""").param("first", firstSource).update();
        jdbc.sql("""
                insert into source_plan (account_id, plan)
                select sp.account_id, 'PREMIUM' from source_profile sp where sp.id >= :first and sp.id < :first + 200""")
                .param("first", firstSource).update();
        jdbc.sql("vacuum analyze").update();
        report.add("Population: %,d sources, %,d queries (%d open), %,d pitches (%,d on the inbox query), generated in %d s."
                .formatted(count("source_profile"), count("journalist_query"), openQueries.size(), count("pitch"),
                        count("pitch where query_id = " + inboxQuery), (System.nanoTime() - t) / 1_000_000_000));
        stop(0);

        // The ratios first: the throttle check at the end of the two-instance part slows this machine's log-ins.
        ratios(firstSource, inboxQuery, openQueries);
        if (checks) {
            twoInstances();
        }
        writeReport();
        return failures.isEmpty() ? 0 : 1;
    }

    // --- database and mail ---------------------------------------------------------------------------------------

    private void startDatabaseAndMail() throws Exception {
        // Durable on purpose: the settings a self-hoster runs with (zonky's defaults turn synchronous_commit off).
        postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(OUT.resolve("pgdata"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        DataSource ds = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(ds);
        database = "PostgreSQL %s on loopback (its own server process, data on local disk), fsync=%s, synchronous_commit=%s, full_page_writes=%s"
                .formatted(setting("server_version"), setting("fsync"), setting("synchronous_commit"),
                        setting("full_page_writes"));
        if (!Path.of(setting("data_directory")).equals(OUT.resolve("pgdata"))) {
            throw new IllegalStateException("Port " + pgPort + " is another PostgreSQL's: " + setting("data_directory"));
        }
        if (!setting("fsync").equals("on") || !setting("synchronous_commit").equals("on")) {
            throw new IllegalStateException("The database is not durable: " + database);
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting('" + name + "')").query(String.class).single();
    }

    // --- app instances -------------------------------------------------------------------------------------------

    /** Starts instance {@code n} (0 or 1) from the packaged jar, with the trivial endpoint added to its class path. */
    private void start(int n, boolean scheduling, boolean jfr) throws Exception {
        Path extra = OUT.resolve("extra");
        Path ping = extra.resolve("org/sourcewire/bench/ScalePing.class");
        Files.createDirectories(ping.getParent());
        try (var in = ScalePing.class.getResourceAsStream("ScalePing.class")) {
            Files.write(ping, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("scale.heap", "512m")));
        if (jfr) {
            // Deep stacks: a request's controller sits about 80 frames below Tomcat's thread (JFR keeps 64 by default).
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + OUT.resolve(label + "-instance-" + (n + 1)
                    + ".jfr"));
        }
        command.addAll(List.of("-Dloader.path=" + extra, "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--server.port=" + appPorts[n],
                "--sourcewire.scheduling.enabled=" + scheduling, "--logging.level.org.sourcewire=info"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("instance-" + (n + 1) + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        env.put("SOURCEWIRE_MAIL_OUTBOX_POLL_INTERVAL", "1s");
        env.put("SOURCEWIRE_BASE_URL", "http://127.0.0.1:" + nginxPort);
        env.put("SOURCEWIRE_TOKEN_SECRET", "5ca1e0ut".repeat(8));
        env.put("SOURCEWIRE_ADMIN_EMAIL", "admin@scale.example");
        env.put("SOURCEWIRE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SOURCEWIRE_DEMO_DATA", "off");
        // nginx on loopback is the proxy: its X-Forwarded-For is believed, and only from there.
        env.put("SOURCEWIRE_WEB_TRUSTED_PROXIES", "127.0.0.1/32");
        // The UTC sources' morning edition is due from the minute before the instances start.
        env.put("SOURCEWIRE_DIGESTS_MORNING",
                LocalTime.now(ZoneOffset.UTC).minusMinutes(1).format(DateTimeFormatter.ofPattern("HH:mm")));
        apps[n] = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            if (!apps[n].isAlive()) {
                throw new IllegalStateException("Instance " + (n + 1) + " exited: see " + OUT.resolve("instance-" + (n + 1)
                        + ".log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPorts[n] + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Instance " + (n + 1) + " did not start in 4 minutes");
            }
            Thread.sleep(500);
        }
    }

    private void stop(int n) throws InterruptedException {
        if (apps[n] != null && apps[n].isAlive()) {
            apps[n].destroy(); // SIGTERM: Spring closes, JFR writes its recording
            if (!apps[n].waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                apps[n].destroyForcibly();
            }
        }
        apps[n] = null;
    }

    /** A copy of the docker-compose nginx configuration with the replicas' addresses made loopback ports. */
    private void startNginx(int instances) throws Exception {
        stopNginx();
        Path dir = OUT.resolve("nginx");
        Files.createDirectories(dir.resolve("logs"));
        String config = Files.readString(Path.of("src/main/docker/nginx.conf"));
        String[] replicas = { "app-replica-1:8080", "app-replica-2:8080" };
        for (String replica : replicas) {
            if (!config.contains("server " + replica)) {
                throw new IllegalStateException("nginx.conf no longer names " + replica + ": adapt ScaleOut");
            }
        }
        config = config.replace("server " + replicas[0], "server 127.0.0.1:" + appPorts[0]);
        config = instances == 2 ? config.replace("server " + replicas[1], "server 127.0.0.1:" + appPorts[1])
                : config.replaceAll("(?m)^\\s*server " + Pattern.quote(replicas[1]) + ".*\\n", "");
        config = config.replace("listen 80;", "listen 127.0.0.1:" + nginxPort + ";");
        // Which replica answered each request, for the sessions check (the container's nginx logs to stdout).
        config = config.replace("http {", "http {\n    log_format scale '$upstream_addr $status $request';\n"
                + "    access_log " + dir.resolve("logs/access.log") + " scale;");
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config);
        nginx = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", file.toString(), "-g",
                "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("logs/error.log")
                        + ";")
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        for (int i = 0; i < 50; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            }
            catch (IOException ex) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("nginx did not start: see " + dir.resolve("logs"));
    }

    private void stopNginx() throws InterruptedException {
        if (nginx != null && nginx.isAlive()) {
            nginx.destroy();
            nginx.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        nginx = null;
    }

    private synchronized void stopAll() {
        try {
            stopNginx();
            stop(0);
            stop(1);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
                postgres = null;
            }
            catch (IOException ex) {
                // gone
            }
        }
    }

    // --- two instances: the checks and the throughput ------------------------------------------------------------

    private void twoInstances() throws Exception {
        start(0, true, false);
        start(1, true, false);
        startNginx(2);
        report.add("");
        report.add("## Two instances behind nginx: checks");
        report.add("");
        checksAt = report.size();
        String nginxBase = "http://127.0.0.1:" + nginxPort;

        // Sessions shared: one log-in through nginx, then pages through nginx land on both instances, still logged in.
        Files.writeString(OUT.resolve("nginx/logs/access.log"), "");
        Session session = logIn(nginxBase, "bench-1@bench.example");
        int loggedIn = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(nginxBase + "/feed"))
                    .header("Cookie", "SESSION=" + session.cookie()).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && page.body().contains("Your feed")) {
                loggedIn++;
            }
        }
        Thread.sleep(500);
        Map<String, Long> byUpstream = Files.readAllLines(OUT.resolve("nginx/logs/access.log")).stream()
                .filter(line -> line.contains("/feed")).collect(Collectors.groupingBy(line -> line.split(" ")[0],
                        LinkedHashMap::new, Collectors.counting()));
        check("sessions shared: one log-in through nginx, 20 feed requests answered as that user, on both instances",
                loggedIn == 20 && byUpstream.size() == 2,
                "%d of 20 logged in; feed requests per instance: %s".formatted(loggedIn, byUpstream));

        // Each scheduled job once, each digest once, each mail once: the UTC sources' morning edition, built by
        // whichever instance's job takes the lock, mailed by the outboxes of both.
        long expected = jdbc.sql("""
                select count(distinct m.source_id) from query_match m join source_profile sp on sp.id = m.source_id
                where sp.time_zone = 'UTC'""").query(Long.class).single();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long deliveries = 0;
        long waiting = 1;
        while (System.nanoTime() < deadline) {
            deliveries = count("digest_delivery");
            waiting = count("mail_outbox where status = 'PENDING'");
            if (deliveries >= expected && waiting == 0) {
                break;
            }
            Thread.sleep(2000);
        }
        Thread.sleep(3000);
        MimeMessage[] mails = smtp.getReceivedMessages();
        Map<String, Long> perRecipientAndSubject = new HashMap<>();
        long digestMails = 0;
        for (MimeMessage mail : mails) {
            String to = Stream.of(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .collect(Collectors.joining(","));
            perRecipientAndSubject.merge(to + " | " + mail.getSubject(), 1L, Long::sum);
            if (to.contains("@bench.example") && !to.contains("bench-j-")) {
                digestMails++;
            }
        }
        List<String> twice = perRecipientAndSubject.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        long editions = count("digest_edition");
        long duplicateDeliveries = jdbc.sql("""
                select count(*) from (select source_id, edition_id from digest_delivery group by 1, 2 having count(*) > 1) d""")
                .query(Long.class).single();
        check("each digest once: the UTC sources' morning edition", deliveries == expected && expected > 0
                && duplicateDeliveries == 0 && editions >= 1, "%d digest deliveries for %d sources with matches, %d twice; %d edition rows"
                        .formatted(deliveries, expected, duplicateDeliveries, editions));
        long sent = count("mail_outbox where status = 'SENT'");
        check("each mail once: every outbox row sent once, no recipient got the same mail twice",
                waiting == 0 && twice.isEmpty() && digestMails == deliveries && mails.length == sent,
                "%d mails received (%d digests) for %d outbox rows sent, %d waiting; same mail twice: %s"
                        .formatted(mails.length, digestMails, sent, waiting, twice));
        List<String> locks = jdbc.sql("select name || ' (by ' || locked_by || ')' from shedlock order by name")
                .query(String.class).list();
        check("each scheduled job once (ShedLock): the digest edition above was built once by one instance, and the "
                + "jobs took their locks", !locks.isEmpty(), String.join(", ", locks));

        // Throughput: the trivial endpoint and the feed through nginx, two instances, then one.
        List<String> sources = sessions(nginxBase, 20_000 - 50, connections);
        Path sessionsFile = lines("throughput-sessions.txt", sources);
        report.add("");
        report.add("## One instance against two, through nginx (" + database + ")");
        report.add("");
        report.add("wrk (its own process: 2 threads, %d connections, %d s after a %d s warm-up, twice that for two "
                .formatted(connections, seconds, warmSeconds) + "fresh instances); CPU is the app processes' own "
                + "(user + system, from /proc/<pid>/stat), divided by the requests served.");
        report.add("");
        report.add("| instances | endpoint | served/s | p50 ms | p99 ms | app CPU s/s | app CPU ms per request | load average before |");
        report.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int instances = 2; instances >= 1; instances--) {
            if (instances == 1) {
                throttleCheck(nginxBase);
                stop(1);
                startNginx(1);
            }
            for (String[] page : new String[][] { { "trivial endpoint", "/bench/scale-ping", "pong" },
                    { "source feed", "/feed", "Your feed" } }) {
                // Two fresh JVMs share the warm-up's requests: twice as long, so each gets as many as one would.
                wrk(nginxBase, "pages.lua", warmSeconds * instances, List.of(sessionsFile.toString(), page[1], page[2]));
                Result r = wrk(nginxBase, "pages.lua", seconds, List.of(sessionsFile.toString(), page[1], page[2]));
                report.add("| %d | %s | %,.0f | %.1f | %.1f | %.2f | %.2f | %s |".formatted(instances, page[0], r.rate(),
                        r.p50ms(), r.p99ms(), r.cpuSeconds / r.seconds(), 1000 * r.cpuSeconds / Math.max(1, r.ok),
                        r.load));
            }
        }
        stopNginx();
        stop(0);
    }

    /**
     * The log-in throttle behind nginx: a client that sends its own X-Forwarded-For (a new address each time) is still
     * one address (nginx replaces the header with the connection's). Run last: from then on this machine's log-ins
     * are slowed for the throttle's window.
     */
    private void throttleCheck(String nginxBase) throws Exception {
        // The log-in throttle: a client that sends its own X-Forwarded-For (a new address each time) through nginx.
        int throttled = 0;
        int attempts = 25;
        Random random = new Random();
        for (int i = 0; i < attempts; i++) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(nginxBase + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String form = "email=" + URLEncoder.encode("spray-" + UUID.randomUUID() + "@scale.example", StandardCharsets.UTF_8)
                    + "&password=wrong-guess&_csrf=" + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(nginxBase + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "SESSION=" + cookie(page))
                    .header("X-Forwarded-For", "203.0.113." + random.nextInt(255))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            // slowed: the address waits; throttled: the account does (each attempt here is another account)
            if (location.contains("error=slowed") || location.contains("error=throttled")) {
                throttled++;
            }
        }
        check("log-in throttle not fooled: %d failed log-ins through nginx, each with its own forged X-Forwarded-For"
                .formatted(attempts), throttled > 0,
                "%d of %d attempts were told to wait (the first 10 failures from one address are free)".formatted(throttled,
                        attempts));

    }

    // --- efficiency ratios ---------------------------------------------------------------------------------------

    private void ratios(long firstSource, long inboxQuery, List<Long> openQueries) throws Exception {
        start(0, false, true);
        String base = "http://127.0.0.1:" + appPorts[0];
        List<String> sourceSessions = sessions(base, 20_000 - 200, connections);
        Path sourcesFile = lines(label + "-sources.txt", sourceSessions);
        Session journalist = logIn(base, "bench-j-1@bench.example");
        List<String> journalistSessions = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            journalistSessions.add(i < 10 ? logIn(base, "bench-j-1@bench.example").cookie() : journalistSessions.get(i % 10));
        }
        Path journalistFile = lines(label + "-journalist.txt", journalistSessions);
        // Pitches: 200 Premium sources (100 pitches a day each), each to up to 100 open queries, each pair once.
        List<Long> pitchable = openQueries.stream().filter(q -> q != inboxQuery).toList();
        List<Session> pitchers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Session>> logIns = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            String email = jdbc.sql("select a.email from account a join source_profile sp on sp.account_id = a.id where sp.id = :id")
                    .param("id", firstSource + s).query(String.class).single();
            logIns.add(pool.submit(() -> logIn(base, email)));
        }
        for (Future<Session> f : logIns) {
            pitchers.add(f.get());
        }
        pool.shutdown();
        Random random = new Random(42);
        List<String> warmPairs = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int round = 0; round < Math.min(100, pitchable.size()); round++) {
            for (int s = 0; s < pitchers.size(); s++) {
                (round < 40 ? warmPairs : pairs).add(pitchLine(pitchers.get(s), pitchable.get((s + round) % pitchable.size()),
                        random));
            }
        }
        Path warmFile = lines(label + "-pitches-warm.txt", warmPairs);
        Path pairsFile = lines(label + "-pitches.txt", pairs);

        report.add("");
        report.add("## Efficiency ratios, one instance (" + label + "; " + database + ")");
        report.add("");
        report.add("wrk in its own process straight to the instance (no nginx), 2 threads, %d connections back to back, %d s "
                .formatted(connections, seconds) + "after a %d s warm-up of the same request; the instance runs with JFR "
                        .formatted(warmSeconds) + "(profile settings) for the CPU profile.");
        report.add("");
        report.add("| request | served/s | p50 ms | p99 ms | ratio to trivial | app CPU ms per request | load average before |");
        report.add("| --- | --- | --- | --- | --- | --- | --- |");
        wrk(base, "pages.lua", warmSeconds, List.of(sourcesFile.toString(), "/bench/scale-ping", "pong"));
        Result trivial = wrk(base, "pages.lua", seconds, List.of(sourcesFile.toString(), "/bench/scale-ping", "pong"));
        ratioRow("trivial endpoint (authenticated GET /bench/scale-ping)", trivial, trivial);
        wrk(base, "pitches.lua", warmSeconds, List.of(warmFile.toString(), "2"));
        Result pitch = wrk(base, "pitches.lua", seconds, List.of(pairsFile.toString(), "2"));
        ratioRow("sent pitch (form POST, redirect to the pitch; target ≥ 50%)", pitch, trivial);
        String inbox = "/queries/" + inboxQuery + "/pitches";
        wrk(base, "pages.lua", warmSeconds, List.of(journalistFile.toString(), inbox, "data-pitch-row"));
        Result inboxResult = wrk(base, "pages.lua", seconds, List.of(journalistFile.toString(), inbox, "data-pitch-row"));
        ratioRow("saturated inbox, first page of 2,000 pitches (target ≥ 40%)", inboxResult, trivial);
        wrk(base, "pages.lua", warmSeconds, List.of(sourcesFile.toString(), "/feed", "Your feed"));
        Result feed = wrk(base, "pages.lua", seconds, List.of(sourcesFile.toString(), "/feed", "Your feed"));
        ratioRow("saturated source feed (target ≥ 50%)", feed, trivial);
        if (journalist.cookie().isEmpty()) {
            throw new IllegalStateException("unreachable");
        }
        stop(0);
        report.add("");
        report.add("JFR recording of this instance: `" + OUT.resolve(label + "-instance-1.jfr") + "`.");
    }

    private void ratioRow(String name, Result r, Result trivial) {
        report.add("| %s | %,.0f | %.1f | %.1f | %.0f%% | %.2f | %s |".formatted(name, r.rate(), r.p50ms(), r.p99ms(),
                100 * r.rate() / trivial.rate(), 1000 * r.cpuSeconds / Math.max(1, r.ok), r.load));
        if (r.bad > 0) {
            report.add("|   (%,d responses of that run were not what the request should give: counted as not served) | | | | | | |"
                    .formatted(r.bad));
        }
    }

    private String pitchLine(Session session, long query, Random random) {
        String body = "_csrf=" + enc(session.csrf()) + "&submissionKey=" + UUID.randomUUID() + "&answers%5B0%5D="
                + enc(sentence(random, 50)) + "&answers%5B1%5D=" + enc(sentence(random, 55)) + "&answers%5B2%5D="
                + enc(sentence(random, 45)) + "&whyMe=" + enc("Practitioner for " + (5 + random.nextInt(25)) + " years")
                + "&confirmsRequirements=true";
        return session.cookie() + "\t/queries/" + query + "/pitch\t" + body;
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(BenchData.WORDS[random.nextInt(BenchData.WORDS.length)]);
        }
        return text.append('.').toString();
    }

    // --- wrk -----------------------------------------------------------------------------------------------------

    record Result(long ok, long bad, long micros, long p50, long p99, double cpuSeconds, String load) {

        double seconds() {
            return micros / 1e6;
        }

        double rate() {
            return ok / seconds();
        }

        double p50ms() {
            return p50 / 1000.0;
        }

        double p99ms() {
            return p99 / 1000.0;
        }
    }

    private static final Pattern WRK = Pattern.compile("SCALE ok=(\\d+) bad=(\\d+) micros=(\\d+) p50=(\\d+) p99=(\\d+)");

    private Result wrk(String base, String script, int duration, List<String> args) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[0];
        long cpuBefore = appCpuTicks();
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration + "s",
                "--latency", "-s", wrkDir.resolve(script).toString(), base, "--"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        long cpu = appCpuTicks() - cpuBefore;
        System.out.println("wrk " + String.join(" ", args) + " (" + duration + " s, load " + load + "): " + output.strip());
        Matcher m = WRK.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk gave no result: " + output);
        }
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), (double) cpu / TICKS_PER_SECOND, load);
    }

    /** utime + stime of the running app processes, in clock ticks. */
    private long appCpuTicks() throws IOException {
        long ticks = 0;
        for (Process app : apps) {
            if (app != null && app.isAlive()) {
                String stat = Files.readString(Path.of("/proc", Long.toString(app.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of stat
            }
        }
        return ticks;
    }

    // --- log-ins -------------------------------------------------------------------------------------------------

    /** {@code n} sessions of different sources from the {@code from}-th source on. */
    private List<String> sessions(String base, int from, int n) throws Exception {
        List<String> emails = jdbc.sql("""
                select a.email from account a join source_profile sp on sp.account_id = a.id
                where a.email like 'bench-%' order by sp.id offset :from limit :n""").param("from", from).param("n", n)
                .query(String.class).list();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Session>> futures = new ArrayList<>();
        for (String email : emails) {
            futures.add(pool.submit(() -> logIn(base, email)));
        }
        List<String> cookies = new ArrayList<>();
        for (Future<Session> f : futures) {
            cookies.add(f.get().cookie());
        }
        pool.shutdown();
        return cookies;
    }

    private Session logIn(String base, String email) throws Exception {
        return BenchHttp.logIn(http, base, email, PASSWORD);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- report --------------------------------------------------------------------------------------------------

    private void check(String what, boolean passed, String detail) {
        report.add(checksAt++, "- %s %s: %s".formatted(passed ? "PASS" : "FAIL", what, detail));
        System.out.println((passed ? "PASS " : "FAIL ") + what + ": " + detail);
        if (!passed) {
            failures.add(what);
        }
    }

    private Path lines(String name, List<String> rows) throws IOException {
        Path file = OUT.resolve("wrk").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", rows) + "\n");
        return file;
    }

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }

    private void writeReport() throws IOException {
        List<String> all = new ArrayList<>();
        all.add("# Sourcewire scale-out run (" + label + ")");
        all.add("");
        all.add("Machine: %d cores (shared with other work: see the load averages), database: %s. Started %s."
                .formatted(Runtime.getRuntime().availableProcessors(), database, java.time.Instant.now()));
        all.add("");
        all.addAll(report);
        if (!failures.isEmpty()) {
            all.add("");
            all.add("FAILED: " + failures);
        }
        String text = String.join("\n", all) + "\n";
        Files.writeString(REPORT, Files.exists(REPORT) && Boolean.getBoolean("scale.append")
                ? Files.readString(REPORT) + "\n" + text : text);
        System.out.println(text);
    }
}
