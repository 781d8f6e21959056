package org.sourcewire.bench;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The Gatling load tests, run by {@link HaroScaleBenchmark} against the app it started on loopback. Each virtual user
 * carries a session of a real log-in (a {@code SESSION} cookie) and that session's CSRF token, from a CSV feeder the
 * benchmark wrote after logging the accounts in through the login form. Settings come as system properties.
 */
final class Simulations {

    private Simulations() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("Missing system property " + name);
        }
        return value;
    }

    static Duration seconds(String name) {
        return Duration.ofSeconds(Long.parseLong(property(name)));
    }

    /** Loopback, connections shared by all virtual users (as behind a reverse proxy), redirects not followed. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(property("bench.baseUrl"))
                .shareConnections()
                .disableFollowRedirect()
                .disableCaching()
                .acceptHeader("text/html,application/xhtml+xml")
                .userAgentHeader("Sourcewire benchmark (Gatling)");
    }

    /**
     * GET one page as a logged-in user of the feeder, again and again for the run's duration (closed model). With
     * {@code bench.thinkMillis} (min-max) each user reads the page for a random time in that range before the next
     * request, as people do; without it the users fire back to back, which measures the saturated rate.
     */
    static ScenarioBuilder page(String name, String feeder, String path, String mustContain) {
        ChainBuilder get = exec(http(name).get(path)
                .header("Cookie", "SESSION=#{session}")
                .check(status().is(200))
                .check(substring(mustContain).exists()));
        String think = System.getProperty("bench.thinkMillis", "");
        if (!think.isEmpty()) {
            String[] range = think.split("-");
            get = get.pause(Duration.ofMillis(Long.parseLong(range[0])), Duration.ofMillis(Long.parseLong(range[1])));
        }
        return scenario(name).feed(csv(feeder).circular()).during(seconds("bench.duration")).on(get);
    }

    /** N users at once, each looping for the run's duration: N concurrent users. */
    static io.gatling.javaapi.core.OpenInjectionStep concurrentUsers() {
        return atOnceUsers(Integer.getInteger("bench.users"));
    }

    /** The framework's ceiling: an authenticated endpoint that does nothing (security filters and session only). */
    public static class Trivial extends Simulation {
        {
            setUp(scenario("ping").feed(csv(property("bench.feeder")).circular())
                    .during(seconds("bench.duration")).on(exec(http("trivial endpoint").get("/bench/ping")
                            .header("Cookie", "SESSION=#{session}").check(status().is(200))))
                    .injectOpen(concurrentUsers()))
                    .protocols(protocol());
        }
    }

    static ChainBuilder submitPitch() {
        return exec(http("submit pitch").post("/queries/#{query}/pitch")
                .header("Cookie", "SESSION=#{session}")
                .formParam("_csrf", "#{csrf}")
                .formParam("submissionKey", "#{randomUuid()}")
                .formParam("answers[0]", "#{a0}")
                .formParam("answers[1]", "#{a1}")
                .formParam("answers[2]", "#{a2}")
                .formParam("whyMe", "#{whyMe}")
                .formParam("confirmsRequirements", "true")
                // Success is the redirect to the new pitch; a refusal re-renders the form (200) or goes elsewhere.
                .check(status().is(302))
                .check(header("Location").transform(location -> location.contains("/pitches/")).is(true)));
    }

    /** Pitch submission at a fixed arrival rate (open model): each arrival is one form POST by a logged-in source. */
    public static class PitchSubmission extends Simulation {
        {
            setUp(scenario("pitch").feed(csv(property("bench.feeder")).queue()).exec(submitPitch())
                    .injectOpen(nothingFor(Duration.ofSeconds(1)),
                            constantUsersPerSec(Double.parseDouble(property("bench.rate"))).during(seconds("bench.duration"))))
                    .protocols(protocol());
        }
    }

    /** Pitch submission as fast as N concurrent submitters go (closed model): the app's sustainable rate. */
    public static class PitchSubmissionClosed extends Simulation {
        {
            FeederBuilder<String> pairs = csv(property("bench.feeder")).queue();
            setUp(scenario("pitch").during(seconds("bench.duration")).on(feed(pairs).exec(submitPitch()))
                    .injectOpen(concurrentUsers()))
                    .protocols(protocol());
        }
    }

    /** The journalist's inbox of the query with 2,000 pitches, first page by score, at N concurrent users. */
    public static class Inbox extends Simulation {
        {
            setUp(page("inbox first page", property("bench.feeder"), "/queries/" + property("bench.inboxQuery") + "/pitches",
                    "data-pitch-row")
                    .injectOpen(concurrentUsers()))
                    .protocols(protocol());
        }
    }

    /**
     * The inbox's reading pane (an htmx request, as the inbox sends it) for pitches of that query taken in turn from
     * the feeder: the whole pitch with its source and reasons; the first opening of each also marks it viewed.
     */
    public static class Pane extends Simulation {
        {
            ChainBuilder get = exec(http("reading pane").get("/pitches/#{pitch}/pane")
                    .header("Cookie", "SESSION=#{session}")
                    .header("HX-Request", "true")
                    .check(status().is(200))
                    .check(substring("data-pane").exists()));
            String think = System.getProperty("bench.thinkMillis", "");
            if (!think.isEmpty()) {
                String[] range = think.split("-");
                get = get.pause(Duration.ofMillis(Long.parseLong(range[0])), Duration.ofMillis(Long.parseLong(range[1])));
            }
            setUp(scenario("reading pane").feed(csv(property("bench.feeder")).circular()).during(seconds("bench.duration"))
                    .on(feed(csv(property("bench.pitches")).circular()).exec(get))
                    .injectOpen(concurrentUsers()))
                    .protocols(protocol());
        }
    }

    /** A source's feed of matched queries, at N concurrent users (each with another source's session). */
    public static class Feed extends Simulation {
        {
            setUp(page("source feed", property("bench.feeder"), "/feed", "Your feed")
                    .injectOpen(concurrentUsers()))
                    .protocols(protocol());
        }
    }
}
