package org.sourcewire.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.topics.TestTopics;
import org.sourcewire.web.FuzzFixtures.Fixture;
import org.sourcewire.web.FuzzFixtures.Identity;
import org.sourcewire.web.FuzzInput.Payload;
import org.sourcewire.web.FuzzTargets.Field;
import org.sourcewire.web.FuzzTargets.Target;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Hostile input in every field of every form and query of the app, found by the test itself from Spring MVC's request
 * mappings ({@link FuzzTargets}) and the forms the pages render, so a new form is covered without a change here. Each
 * payload ({@link FuzzInput}) goes into one field at a time, the others plausible, as the first identity the handler
 * lets act; every other identity Spring Security lets through gets payloads too. Fails on any 5xx, any ERROR log event
 * and any unescaped reflection of a script marker in an HTML answer, and if it finds suspiciously little to fuzz.
 * It works on records of its own ({@link FuzzFixtures}) and puts back what other test classes could see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputFuzzTests extends IntegrationTest {

    /** Fewer than these means discovery broke, not that the app has so few forms. */
    private static final int MIN_TARGETS = 60;
    private static final int MIN_POST_FIELDS = 40;

    /**
     * A query string value as long as a real request can carry: Tomcat answers 400 itself for a request line above 8 KB
     * (shown by {@link #undecodableOrOversizedInputIsABadRequestEverywhere}); MockMvc has no such limit.
     */
    private static final int MAX_QUERY_VALUE = 7_000;

    /** Stands for "every field" when a payload goes into all fields of a request at once. */
    private static final Field ALL = new Field("(every field)", String.class, false, true, false);
    private static final Field STRAY = new Field("zqxvStray", String.class, false, true, false);
    private static final Set<String> TYPED = FuzzInput.typedValues().stream().map(Payload::label).collect(Collectors.toSet());

    @Autowired
    WebApplicationContext context;

    @Autowired
    List<MockMvcBuilderCustomizer> customizers;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    WebInvocationPrivilegeEvaluator privileges;

    @Autowired
    TestTopics topics;

    @Autowired
    QueryManagement queryManagement;

    @LocalServerPort
    int port;

    /** Built here without Spring Boot's result printing, which would keep thousands of pages in memory. */
    private MockMvcTester quietMvc;
    private FuzzFixtures fixtures;
    private final FuzzReport report = new FuzzReport();
    private final List<Target> postTargets = new ArrayList<>();
    private final Set<List<String>> fieldSetsFuzzed = new LinkedHashSet<>();

    @BeforeAll
    void createFixtures() {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
        for (MockMvcBuilderCustomizer customizer : customizers) {
            if (customizer instanceof SpringBootMockMvcBuilderCustomizer) {
                SpringBootMockMvcBuilderCustomizer quiet = new SpringBootMockMvcBuilderCustomizer(context);
                quiet.setAddFilters(true);
                quiet.setPrint(MockMvcPrint.NONE);
                customizer = quiet;
            }
            customizer.customize(builder);
        }
        quietMvc = MockMvcTester.create(builder.build());
        fixtures = new FuzzFixtures(quietMvc, accounts, queries, topics, sources, queryManagement, jdbc);
    }

    @AfterAll
    void putBackWhatOthersSee() {
        fixtures.putBack();
    }

    @Test
    void noInputGivesAServerErrorAnErrorLogOrAnUnescapedReflection() {
        ListAppender<ILoggingEvent> errors = errorLog();
        long started = System.nanoTime();
        List<Target> targets = FuzzTargets.fromMappings(mappings.getHandlerMethods());
        Map<String, Set<String>> harvested = new LinkedHashMap<>();
        List<Target> posts = new ArrayList<>(targets.stream().filter(Target::post).toList());
        postTargets.addAll(posts);
        int fuzzRequests;
        try {
            // Pages first: the forms they render add the names a handler does not declare (answers[1], /login).
            targets.stream().filter(target -> !target.post()).forEach(target -> fuzz(target, List.of(), harvested));
            posts.addAll(formsWithoutMapping(targets, harvested));
            posts.forEach(target -> fuzz(target, extraNames(target, harvested), null));
            fuzzRequests = report.requests();
            // What was stored above is shown on pages: read every page again, with every fixture made above.
            targets.stream().filter(target -> !target.post()).forEach(this::revisit);
        }
        finally {
            detach(errors);
        }

        List<String> lines = new ArrayList<>();
        posts.forEach(target -> lines.add(target + " " + names(target, harvested)));
        targets.stream().filter(target -> !target.post()).forEach(target -> lines.add(target + " " + names(target, Map.of())));
        System.out.println(report.summary("Input fuzz: " + targets.size() + " mapped targets ("
                + (targets.size() - postTargets.size()) + " GET, " + postTargets.size() + " POST) and "
                + (posts.size() - postTargets.size()) + " unmapped form(s); " + report.fieldsFuzzed("POST")
                + " POST and " + report.fieldsFuzzed("GET") + " GET parameters fuzzed one by one with "
                + FuzzInput.values().size() + " payloads (text) or " + TYPED.size() + " (typed); " + fuzzRequests
                + " requests + " + (report.requests() - fuzzRequests) + " page re-reads in "
                + (System.nanoTime() - started) / 1_000_000_000 + " s", fixtures.counts(), lines));
        assertThat(targets).as("mapped targets found").hasSizeGreaterThanOrEqualTo(MIN_TARGETS);
        assertThat(report.fieldsFuzzed("POST")).as("POST parameters found").isGreaterThanOrEqualTo(MIN_POST_FIELDS);
        assertThat(report.failures()).as("server errors and unescaped reflections (listed above)").isZero();
        assertThat(errorLines(errors)).as("ERROR log events during the run").isEmpty();
    }

    /**
     * What MockMvc cannot send, over real HTTP to every target: bytes that are not UTF-8 and malformed %-escapes in the
     * query string or the form body, a NUL in the path, a query string longer than a request line may be. Tomcat
     * decodes these, so only a real request shows the answer: the 400 page, and no ERROR log line.
     */
    @Test
    void undecodableOrOversizedInputIsABadRequestEverywhere() {
        ListAppender<ILoggingEvent> errors = errorLog();
        Map<String, Integer> answers = new TreeMap<>();
        try {
            RawHttp browser = new RawHttp(port).logIn(accounts.admin().email(), TestAccounts.PASSWORD);
            String csrf = browser.csrf("/account");
            Set<String> requests = new LinkedHashSet<>();
            for (Target target : FuzzTargets.fromMappings(mappings.getHandlerMethods())) {
                requests.add(target.method() + " " + fixtures.of(target).path(target.pattern()));
            }
            requests.add("POST /login");
            for (String request : requests) {
                String path = request.substring(request.indexOf(' ') + 1);
                for (String bad : List.of("zqxv=%FF%FE", "zqxv=%C3%28", "zqxv=%zz", "%FF=zqxv")) {
                    RawHttp.Response response = request.startsWith("POST") ? browser.post(path, csrf, bad)
                            : browser.get(path + "?" + bad);
                    answers.put(request + " " + bad, response.status());
                }
            }
            answers.put("GET /experts/a%00b", browser.get("/experts/a%00b").status());
            answers.put("GET /signup?as=(100k characters)", browser.get("/signup?as=" + "a".repeat(100_000)).status());
            assertThat(browser.get("/signup?as=%FF").body()).as("the 400 page in the layout")
                    .contains("That request didn&#39;t work").contains("Ada Admin");
        }
        finally {
            detach(errors);
        }
        System.out.println("\nUndecodable input: " + answers.size() + " real requests, by status "
                + answers.values().stream().collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting())));
        assertThat(answers).allSatisfy((request, status) -> assertThat(status).as(request).isEqualTo(400));
        assertThat(errorLines(errors)).as("ERROR log events").isEmpty();
    }

    /**
     * Every payload in every field of one target, one field at a time, as the first identity the handler lets act
     * (its answer to a probe is not 403 or 404). Other identities that act get a shorter list in all fields at once;
     * those the handler turns away get what breaks binding, which happens before the handler decides.
     */
    private void fuzz(Target target, List<Field> extra, Map<String, Set<String>> harvest) {
        long started = System.nanoTime();
        Fixture fixture = fixtures.of(target);
        List<Field> fields = new ArrayList<>(target.fields());
        fields.addAll(extra);
        List<Identity> reaching = reaching(target, fixture);
        if (reaching.isEmpty()) {
            report.fail(target, target.toString(), "no identity reaches it; the test cannot cover it");
            return;
        }
        List<Field> fuzzed = fields.isEmpty() ? List.of(STRAY) : fields;
        List<Identity> actors = new ArrayList<>();
        for (Identity identity : reaching) {
            MvcTestResult probe = send(target, fixture, identity, fields, fuzzed.get(0), FuzzInput.PROBE);
            int status = probe.getUnresolvedException() == null ? probe.getResponse().getStatus() : 500;
            if (status != 403 && status != 404) {
                actors.add(identity);
            }
            if (harvest != null && status == 200 && FuzzReport.isHtml(probe.getResponse())) {
                FuzzTargets.postForms(FuzzReport.body(probe.getResponse())).forEach((action, names) ->
                        harvest.computeIfAbsent(action, key -> new LinkedHashSet<>()).addAll(names));
            }
        }
        if (actors.isEmpty()) {
            // Nobody gets past the handler's own checks with these fixtures: fuzz the first fully, not too little.
            actors.add(reaching.get(0));
            report.noActor(target);
        }
        Identity primary = actors.get(0);
        for (String stray : FuzzInput.strayNames()) {
            send(target, fixture, primary, fields, new Field(stray, String.class, false, true, false),
                    Payload.value("stray name", "zqxv"));
        }
        // A form several targets share (the pitch form: send, edit, pre-flight) is fuzzed field by field once; the
        // other targets get each payload in all its fields at once.
        boolean fieldByField = !fields.isEmpty()
                && fieldSetsFuzzed.add(target.fields().stream().map(Field::name).sorted().toList());
        if (fieldByField) {
            fuzzed.forEach(field -> report.fuzzedFieldByField(target, field.name()));
        }
        for (Payload payload : fields.isEmpty() ? List.<Payload>of() : FuzzInput.values()) {
            if (!fieldByField) {
                send(target, fixture, primary, fields, ALL, payload);
                continue;
            }
            for (Field field : fuzzed) {
                boolean fits = FuzzInput.isText(field) || TYPED.contains(payload.label());
                if (fits && (payload.rename() == null || !field.file())) {
                    send(target, fixture, primary, fields, field, payload);
                }
            }
        }
        for (Identity identity : reaching) {
            if (identity != primary) {
                boolean acts = actors.contains(identity) && !fields.isEmpty();
                for (Payload payload : acts ? FuzzInput.forOtherActors() : FuzzInput.bindingOnly()) {
                    send(target, fixture, identity, fields.isEmpty() ? List.of(STRAY) : fields, ALL, payload);
                }
            }
        }
        report.took(target, System.nanoTime() - started);
    }

    /** Reads a page again with every fixture of its kind, so values stored by the POSTs are shown and checked. */
    private void revisit(Target target) {
        if (target.variables().size() > 1) {
            report.fail(target, target.toString(), "more than one path variable; teach revisit() to combine fixtures");
            return;
        }
        if (target.variables().isEmpty()) {
            reaching(target, fixtures.of(target)).forEach(identity -> send(target, fixtures.of(target), identity,
                    List.of(), null, null));
            return;
        }
        String variable = target.variables().get(0);
        for (String value : fixtures.ofKind(FuzzFixtures.kind(target, variable))) {
            Fixture fixture = new Fixture(Map.of(variable, value), fixtures.identities());
            reaching(target, fixture).forEach(identity -> send(target, fixture, identity, List.of(), null, null));
        }
    }

    /** The identities Spring Security lets through to the handler (what the handler then does is its business). */
    private List<Identity> reaching(Target target, Fixture fixture) {
        String path = fixture.path(target.pattern());
        return fixture.identities().stream()
                .filter(identity -> privileges.isAllowed("", path, target.method(), identity.authentication())).toList();
    }

    /**
     * One request: {@code payload} in {@code fuzzed} (or in every field, for {@link #ALL}), plausible values in the other
     * fields, from an address of its own (sign-up and password reset are limited per address).
     */
    private MvcTestResult send(Target target, Fixture fixture, Identity identity, List<Field> fields, Field fuzzed,
            Payload payload) {
        String path = fixture.path(target.pattern());
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Field> all = new ArrayList<>(fields);
        if (fuzzed != null && fuzzed != ALL && !all.contains(fuzzed)) {
            all.add(fuzzed);
        }
        for (Field field : all) {
            boolean isFuzzed = payload != null && (fuzzed == ALL || field.equals(fuzzed));
            if (isFuzzed && payload.absent() || !isFuzzed && rearranges(field)) {
                continue;
            }
            String name = isFuzzed ? payload.nameFor(field) : field.name();
            String value = isFuzzed && payload.value() != null ? payload.value() : fixtures.plausible(field);
            if (!target.post() && value.length() > MAX_QUERY_VALUE) {
                value = value.substring(0, MAX_QUERY_VALUE);
            }
            if (field.file()) {
                files.put(name, isFuzzed ? payload.bytes() : "zqxv".getBytes(StandardCharsets.UTF_8));
            }
            else {
                params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        HttpMethod method = HttpMethod.valueOf(target.method());
        AbstractMockHttpServletRequestBuilder<?> request;
        if (files.isEmpty()) {
            request = MockMvcRequestBuilders.request(method, URI.create(path));
        }
        else {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(method, URI.create(path));
            files.forEach((name, bytes) -> multipart.file(new MockMultipartFile(name, "zqxv.png", "image/png", bytes)));
            request = multipart;
        }
        params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        request.header("Accept", "text/html").with(TestAccounts.fromOwnAddress());
        if (target.post()) {
            request.with(csrf());
        }
        if (identity.user() != null) {
            request.with(as(identity.user()));
        }
        if (target.htmx()) {
            request.header("HX-Request", "true");
        }
        MvcTestResult result = quietMvc.perform(request);
        report.check(result, target, identity.label(), () -> target.method() + " " + path + " as " + identity.label()
                + (fuzzed == null ? "" : ", " + (payload == null ? fuzzed.name() : payload.nameFor(fuzzed)))
                + (payload == null ? "" : " ← " + payload.label()));
        return result;
    }

    /** The buttons that re-arrange a form (add or remove a question row) instead of saving it. */
    private static boolean rearranges(Field field) {
        return !field.formField() && field.name().matches("(add|remove)[A-Z].*");
    }

    /**
     * Names a page's form posts to a target that its handler does not declare (answers[1] of a pitch form), for the
     * most specific target the form's action matches ({@code /pitches/settings}, not {@code /pitches/{publicId}}).
     */
    private List<Field> extraNames(Target target, Map<String, Set<String>> harvested) {
        Set<String> known = new LinkedHashSet<>();
        target.fields().forEach(field -> known.add(field.name()));
        List<Field> extra = new ArrayList<>();
        harvested.forEach((action, names) -> {
            boolean mostSpecific = postTargets.stream().filter(other -> FuzzTargets.matches(other.pattern(), action))
                    .allMatch(other -> other.variables().size() >= target.variables().size());
            if (FuzzTargets.matches(target.pattern(), action) && mostSpecific) {
                names.stream().filter(known::add).forEach(name -> extra.add(new Field(name, String.class, true, true, false)));
            }
        });
        return extra;
    }

    /** Forms that post where no controller of ours maps (Spring Security's log-in); log-out is left alone. */
    private static List<Target> formsWithoutMapping(List<Target> targets, Map<String, Set<String>> harvested) {
        List<Target> extra = new ArrayList<>();
        harvested.forEach((action, names) -> {
            boolean mapped = targets.stream().anyMatch(target -> target.post() && FuzzTargets.matches(target.pattern(), action));
            if (!mapped && !action.startsWith("/logout")) {
                extra.add(new Target("POST", action, false,
                        names.stream().map(name -> new Field(name, String.class, true, true, false)).toList(), List.of(),
                        "form on a page"));
            }
        });
        return extra;
    }

    private List<String> names(Target target, Map<String, Set<String>> harvested) {
        List<String> names = new ArrayList<>(target.fields().stream().map(Field::name).toList());
        if (target.post()) {
            extraNames(target, harvested).forEach(field -> names.add(field.name() + "*"));
        }
        return names;
    }

    private static List<String> errorLines(ListAppender<ILoggingEvent> errors) {
        return errors.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ": "
                        + event.getThrowableProxy().getMessage() + ")"))
                .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line)
                .distinct().limit(40).toList();
    }

    private static ListAppender<ILoggingEvent> errorLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setName("input-fuzz-errors");
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void detach(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        appender.stop();
    }
}
