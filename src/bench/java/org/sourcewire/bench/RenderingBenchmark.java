package org.sourcewire.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.mail.TestSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a page costs the app's CPU, without the network or a load generator: the saturated inbox (first page of
 * 2,000 pitches), the source's feed and the trivial endpoint, each rendered one after another on one thread through
 * MockMvc (the whole filter chain, controllers, SQL and Thymeleaf; not Tomcat), and the thread's own CPU time per
 * request. For trying a rendering change in a minute; the ratios the issue sets are measured over HTTP by
 * {@code src/bench/scale-out.sh}. {@code ./mvnw -Pbench verify -Dtest=RenderingBenchmark}; writes
 * target/bench/RENDERING.md.
 */
@Tag("bench")
@SpringBootTest(properties = { "spring.thymeleaf.cache=true", "sourcewire.scheduling.enabled=false",
        "logging.level.org.sourcewire=warn" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
@Import(BenchEndpoints.class)
class RenderingBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A durable database, as users run it (see HaroScaleBenchmark); the pages measured only read. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("sourcewire.embedded-postgres.durable", () -> System.getProperty("bench.durable", "true"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;


    @Test
    void pages() throws Exception {
        new BenchData(6_000, 50, 200, 50, 6_000, 2_000, 1_000, 1).generate(jdbc, "{noop}unused");
        long inboxQuery = BenchData.inboxQuery(jdbc);
        UserDetails journalist = signedIn("select id from account where email = 'bench-j-1@bench.example'");
        UserDetails source = signedIn("select account_id from source_profile where id = " + BenchData.firstSource(jdbc));
        int runs = Integer.getInteger("bench.renderRuns", 1_500);
        List<String> report = new ArrayList<>(List.of("# Rendering cost, one thread, MockMvc",
                "", "Embedded PostgreSQL, durable=" + System.getProperty("bench.durable", "true")
                        + " (fsync and synchronous commit on unless false); load average at start "
                        + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ".", "",
                "| request | CPU ms per request (fastest of 7 rounds) | median round | bytes |", "| --- | --- | --- | --- |"));
        report.add(row("trivial endpoint", "/bench/ping", source, runs));
        report.add(row("saturated inbox, first page", "/queries/" + inboxQuery + "/pitches", journalist, runs / 5));
        report.add(row("source feed", "/feed", source, runs / 2));
        Files.createDirectories(Path.of("target", "bench"));
        Files.write(Path.of("target", "bench", "RENDERING.md"), report);
        report.forEach(System.out::println);
    }

    /** The signed-in user as the log-in would make it (its constructor is the accounts module's own). */
    private UserDetails signedIn(String idQuery) throws Exception {
        long id = jdbc.sql(idQuery).query(Long.class).single();
        Map<String, Object> account = jdbc.sql("select email::text as email, role::text as role, password_hash from account where id = :id").param("id", id)
                .query().singleRow();
        Constructor<CurrentUser> constructor = CurrentUser.class.getDeclaredConstructor(long.class, String.class, Role.class,
                boolean.class, String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(id, (String) account.get("email"), Role.valueOf((String) account.get("role")), false,
                (String) account.get("password_hash"));
    }

    private String row(String name, String path, UserDetails who, int runs) throws Exception {
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            bytes = mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsByteArray().length;
        }
        double[] rounds = new double[7];
        for (int round = 0; round < rounds.length; round++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < runs; i++) {
                int status = mvc.perform(get(path).with(user(who))).andReturn().getResponse().getStatus();
                if (status != 200) {
                    throw new IllegalStateException(path + " answered " + status);
                }
            }
            rounds[round] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / runs;
        }
        java.util.Arrays.sort(rounds);
        return "| %s | %.3f | %.3f | %,d |".formatted(name, rounds[0], rounds[3], bytes);
    }
}
