package org.sourcewire.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.audit.Actor;
import org.sourcewire.matching.TestSources;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryMother;
import org.sourcewire.queries.TestQueries;
import org.sourcewire.topics.TestTopics;
import org.sourcewire.web.FuzzTargets.Field;
import org.sourcewire.web.FuzzTargets.Target;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The records {@link InputFuzzTests} works on, all its own: a journalist, a source and an admin, a topic nobody else
 * uses, and for each target the records its path variables name (a query, a pitch, a report, a strike...), made
 * through the app as its users would. {@link #putBack()} undoes what other test classes could see.
 */
final class FuzzFixtures {

    private final MockMvcTester mvc;
    private final TestAccounts accounts;
    private final TestQueries queries;
    private final TestTopics topics;
    private final TestSources sources;
    private final QueryManagement queryManagement;
    private final JdbcClient jdbc;

    private final CurrentUser journalist;
    private final CurrentUser source;
    private final CurrentUser admin;
    private final String topicName;
    private final long topicId;
    private final long otherTopicId;
    private final boolean autoApproveBefore;
    private final long lastTopicBefore;
    private final long lastPhraseBefore;
    private final List<CurrentUser> struckSources = new ArrayList<>();
    private final Map<String, Fixture> byTarget = new LinkedHashMap<>();
    private final Map<String, List<String>> byKind = new TreeMap<>();

    /** Who sends a request; {@code user} is null for an anonymous visitor. */
    record Identity(String label, CurrentUser user) {

        Authentication authentication() {
            return user == null
                    ? new AnonymousAuthenticationToken("fuzz", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
                    : UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
    }

    /** Path variable values for one target, and who may send to it (a strike's appeal comes from the struck source). */
    record Fixture(Map<String, String> variables, List<Identity> identities) {

        String path(String pattern) {
            String path = pattern;
            for (var variable : variables.entrySet()) {
                path = path.replaceAll("\\{\\*?" + Pattern.quote(variable.getKey()) + "(:[^}]*)?}",
                        Matcher.quoteReplacement(variable.getValue()));
            }
            return path;
        }
    }

    FuzzFixtures(MockMvcTester mvc, TestAccounts accounts, TestQueries queries, TestTopics topics, TestSources sources,
            QueryManagement queryManagement, JdbcClient jdbc) {
        this.mvc = mvc;
        this.accounts = accounts;
        this.queries = queries;
        this.topics = topics;
        this.sources = sources;
        this.queryManagement = queryManagement;
        this.jdbc = jdbc;
        this.lastTopicBefore = last("topic");
        this.lastPhraseBefore = last("boilerplate_phrase");
        this.journalist = accounts.journalist();
        this.source = accounts.source();
        this.admin = accounts.admin();
        this.topicName = "Zqxv fuzz topic " + System.nanoTime();
        this.topicId = jdbc.sql("insert into topic (name) values (:name) returning id").param("name", topicName)
                .query(Long.class).single();
        this.otherTopicId = topics.create("Zqxv fuzz merge target");
        // Queries sent for review stay there (for the review targets) whatever another test left this setting at.
        this.autoApproveBefore = queryManagement.autoApproveVerifiedOutlets();
        queryManagement.setAutoApproveVerifiedOutlets(false, Actor.system());
        // The source pitches once per target that needs a pitch: more than the free plan's daily quota.
        assertThat(post("/admin/plans", admin, "email", source.email(), "plan", "PREMIUM")).hasStatus3xxRedirection();
    }

    List<Identity> identities() {
        return List.of(new Identity("anonymous", null), new Identity("source", source),
                new Identity("journalist", journalist), new Identity("admin", admin));
    }

    String plausible(Field field) {
        return FuzzInput.plausible(field, topicId, otherTopicId);
    }

    /** The fixture of a target, made on first use. */
    Fixture of(Target target) {
        return byTarget.computeIfAbsent(target.toString(), key -> make(target));
    }

    /** Every value made for a kind of path variable ("pitches": every pitch's public id), for the page re-reads. */
    List<String> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byKind.forEach((kind, values) -> counts.put(kind, values.size()));
        return counts;
    }

    static String kind(Target target, String variable) {
        return FuzzTargets.segmentBefore(target.pattern(), variable);
    }

    /** Fresh records for a target's path variables, chosen by the path segment before each variable. */
    private Fixture make(Target target) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Identity> identities = new ArrayList<>(identities());
        for (String variable : target.variables()) {
            String kind = kind(target, variable);
            String value = switch (kind) {
                case "queries" -> String.valueOf(publishedQuery());
                case "review" -> String.valueOf(pendingQuery());
                case "pitches", "clusters" -> pitch(source);
                case "topics" -> String.valueOf(topics.create("Zqxv fuzz topic"));
                case "accounts" -> String.valueOf(accounts.source().id());
                case "reports" -> String.valueOf(report(pitch(source)));
                case "strikes" -> {
                    // A source of its own per strike: three strikes would suspend the fixture source.
                    CurrentUser struck = accounts.source();
                    struckSources.add(struck);
                    identities.set(1, new Identity("source", struck));
                    yield String.valueOf(strike(struck));
                }
                case "alerts" -> String.valueOf(sources.alert(profile(source), "zqxv alert " + System.nanoTime()));
                case "boilerplate" -> String.valueOf(phrase());
                case "outbox" -> String.valueOf(mail());
                case "experts" -> handle(source);
                case "journalists" -> String.valueOf(journalist.id());
                case "outlets" -> String.valueOf(outlet());
                case "domains" -> String.valueOf(jdbc.sql("select min(id) from outlet_domain where outlet_id = :outlet")
                        .param("outlet", Long.parseLong(values.get("id"))).query(Long.class).single());
                case "proposals" -> String.valueOf(proposal());
                case "faces" -> String.valueOf(faceMatch());
                case "credentials" -> String.valueOf(credential());
                case "feeds" -> feedToken(source);
                case "snippets" -> String.valueOf(jdbc.sql("""
                        insert into pitch_snippet (source_id, label, body, created_at, updated_at)
                        values (:source, 'Zqxv bio', 'Zqxv fuzz snippet', now(), now()) returning id""")
                        .param("source", profile(source)).query(Long.class).single());
                case "templates" -> String.valueOf(jdbc.sql("""
                        insert into query_template (journalist_id, name, headline, time_zone, questions, created_at)
                        values (:journalist, :name, 'Zqxv fuzz template', 'UTC', '{}', now()) returning id""")
                        .param("journalist", journalist.id()).param("name", "Zqxv " + System.nanoTime())
                        .query(Long.class).single());
                default -> throw new AssertionError("No fixture for {" + variable + "} in " + target + " ("
                        + target.handler() + "): teach FuzzFixtures.make() which record a '" + kind + "' path names");
            };
            values.put(variable, value);
            byKind.computeIfAbsent(kind, key -> new ArrayList<>()).add(value);
        }
        return new Fixture(values, identities);
    }

    private long publishedQuery() {
        return queries.by(journalist).about("Zqxv fuzz query", List.of("Zqxv first?", "Zqxv second?", "Zqxv third?"),
                null, topicName).publish();
    }

    private long pendingQuery() {
        MvcTestResult result = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topicId,
                "headline", "Zqxv fuzz query waiting for review", "questions[0]", "Zqxv first?", "questions[1]", "",
                "questions[2]", "", "requirements", "").param("action", "submit").exchange();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("a query sent for review").matches("/queries/\\d+");
        return Long.parseLong(location.substring("/queries/".length()));
    }

    /** A pitch of {@code by} on a fresh query of the fixture journalist; returns its public id. */
    private String pitch(CurrentUser by) {
        return TestPitches.sent(mvc, by, publishedQuery()).substring("/pitches/".length());
    }

    private long report(String pitch) {
        assertThat(post("/pitches/" + pitch + "/report", journalist, "reason", "SPAM")).hasStatus3xxRedirection();
        return jdbc.sql("select r.id from pitch_report r join pitch p on p.id = r.pitch_id where p.public_id = :pitch")
                .param("pitch", UUID.fromString(pitch)).query(Long.class).single();
    }

    private long strike(CurrentUser struck) {
        long report = report(pitch(struck));
        assertThat(post("/admin/reports/" + report + "/uphold", admin, "note", "Zqxv fuzz strike")).hasStatus3xxRedirection();
        return jdbc.sql("select id from strike where report_id = :report").param("report", report).query(Long.class).single();
    }

    private long phrase() {
        String phrase = "zqxv fuzz filler " + System.nanoTime();
        assertThat(post("/admin/boilerplate", admin, "phrase", phrase, "weight", "3")).hasStatus3xxRedirection();
        return jdbc.sql("select id from boilerplate_phrase where phrase = :phrase").param("phrase", phrase)
                .query(Long.class).single();
    }

    /** A password-reset mail to the fixture source, which admins read in the outbox. */
    private long mail() {
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", source.email())).hasStatusOk();
        return jdbc.sql("select max(id) from mail_outbox where recipient = :email").param("email", source.email())
                .query(Long.class).single();
    }

    /** An outlet of its own in the registry, its domain not yet confirmed. */
    private long outlet() {
        String domain = "zqxv" + System.nanoTime() + ".example";
        long outlet = jdbc.sql("insert into outlet (name, type, created_at, updated_at) values (:name, 'ONLINE', now(), now()) "
                + "returning id").param("name", "Zqxv outlet " + domain).query(Long.class).single();
        jdbc.sql("insert into outlet_domain (outlet_id, domain) values (:outlet, :domain)").param("outlet", outlet)
                .param("domain", domain).update();
        return outlet;
    }

    /** A waiting outlet proposal of a journalist of its own (one may wait per journalist). */
    private long proposal() {
        String domain = "zqxv" + System.nanoTime() + ".example";
        return jdbc.sql("""
                insert into outlet_proposal (account_id, name, website, domain, type, created_at)
                values (:account, 'Zqxv proposed outlet', :site, :domain, 'ONLINE', now()) returning id""")
                .param("account", accounts.journalist().id()).param("site", "https://" + domain).param("domain", domain)
                .query(Long.class).single();
    }

    /** Two sources' headshots found alike, in the admins' queue. */
    private long faceMatch() {
        long a = profile(accounts.source());
        long b = profile(accounts.source());
        return jdbc.sql("insert into face_match (profile_a, profile_b, distance, found_at) values (:a, :b, 3, now()) returning id")
                .param("a", Math.min(a, b)).param("b", Math.max(a, b)).query(Long.class).single();
    }

    /** A source's stated credential, waiting for an admin; the source's profile id. */
    private long credential() {
        long profile = profile(accounts.source());
        jdbc.sql("insert into expert_credential (profile_id, licence, stated_at) values (:profile, 'Zqxv 1234567', now())")
                .param("profile", profile).update();
        return profile;
    }

    /** The source's private feed token (the delivery page makes one). */
    private String feedToken(CurrentUser user) {
        profile(user);
        post("/delivery/feed", user);
        return jdbc.sql("select feed_token from delivery_setting where account_id = :id").param("id", user.id())
                .query(String.class).single();
    }

    private long profile(CurrentUser user) {
        assertThat(mvc.get().uri("/profile").with(as(user))).hasStatusOk();
        return jdbc.sql("select id from source_profile where account_id = :id").param("id", user.id()).query(Long.class).single();
    }

    private String handle(CurrentUser user) {
        profile(user);
        return jdbc.sql("select handle from source_profile where account_id = :id").param("id", user.id())
                .query(String.class).single();
    }

    /**
     * Puts back what other test classes see: no open reports, queries waiting for review or appeals of this test's
     * accounts in the moderators' queues; no filler phrases, active topics or keyword alerts of its own; the source
     * back on the free plan; the auto-approve setting as it was.
     */
    void putBack() {
        List<Long> accountsOfThisTest = new ArrayList<>(List.of(journalist.id(), source.id()));
        struckSources.forEach(struck -> accountsOfThisTest.add(struck.id()));
        jdbc.sql("select id from pitch_report where status = 'OPEN' and reporter_id = :journalist")
                .param("journalist", journalist.id()).query(Long.class).list()
                .forEach(report -> post("/admin/reports/" + report + "/dismiss", admin));
        jdbc.sql("select id from journalist_query where status = 'PENDING_REVIEW' and journalist_id = :journalist")
                .param("journalist", journalist.id()).query(Long.class).list()
                .forEach(query -> post("/admin/review/" + query + "/reject", admin, "reason", "Zqxv fuzz clean-up"));
        jdbc.sql("select id from strike where appealed_at is not null and appeal_decision is null and account_id in (:ids)")
                .param("ids", accountsOfThisTest).query(Long.class).list()
                .forEach(strike -> post("/admin/strikes/" + strike + "/keep", admin, "note", "Zqxv fuzz clean-up"));
        jdbc.sql("select id from boilerplate_phrase where id > :last").param("last", lastPhraseBefore).query(Long.class).list()
                .forEach(phrase -> post("/admin/boilerplate/" + phrase + "/delete", admin));
        jdbc.sql("select id from topic where id > :last and retired_at is null").param("last", lastTopicBefore)
                .query(Long.class).list()
                .forEach(topic -> post("/admin/topics/" + topic + "/retire", admin));
        jdbc.sql("select a.id from keyword_alert a join source_profile p on p.id = a.source_id where p.account_id in (:ids)")
                .param("ids", accountsOfThisTest).query(Long.class).list()
                .forEach(alert -> post("/profile/alerts/" + alert + "/delete", source));
        post("/admin/plans", admin, "email", source.email(), "plan", "FREE");
        queryManagement.setAutoApproveVerifiedOutlets(autoApproveBefore, Actor.system());
    }

    private MvcTestResult post(String path, CurrentUser user, String... fields) {
        var request = mvc.post().uri(path).with(csrf()).with(as(user)).with(TestAccounts.fromOwnAddress());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request.exchange();
    }

    private long last(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table).query(Long.class).single();
    }
}
