package org.sourcewire.web;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.queries.QueryMother;
import org.sourcewire.topics.TestTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Input nobody's browser sends (a NUL byte, bytes that are not UTF-8, names a form cannot hold) gets a 400 page in the
 * layout or the form again, never a 500 or an ERROR log line. {@link InputFuzzTests} sends such input everywhere; these
 * are the cases it found, one by one.
 */
class BadInputTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTopics topics;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listenForErrors() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(log);
    }

    @Test
    void aNulByteInAFieldGetsTheBadRequestPageInTheLayoutAndSavesNothing() {
        CurrentUser source = accounts.source();
        RawHttp browser = new RawHttp(port).logIn(source.email(), TestAccounts.PASSWORD);

        RawHttp.Response response = browser.post("/account/details", browser.csrf("/account"), "displayName=Sam%00Source");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("That request didn&#39;t work").contains("Sam Source").contains("role-badge")
                .doesNotContain("Exception");
        assertThat(jdbc.sql("select display_name from account where id = :id").param("id", source.id())
                .query(String.class).single()).isEqualTo("Sam Source");
        assertThat(errors()).isEmpty();

        // Read before anything else, the parameters are still decoded as UTF-8.
        assertThat(browser.post("/account/details", browser.csrf("/account"),
                "displayName=Zo%C3%AB+%F0%9F%98%80+%E2%80%AEabc").status()).isEqualTo(302);
        assertThat(jdbc.sql("select display_name from account where id = :id").param("id", source.id())
                .query(String.class).single()).isEqualTo("Zoë \uD83D\uDE00 \u202Eabc");
    }

    @Test
    void aNulByteInAQueryStringOrAFieldIsABadRequestEverywhere() {
        CurrentUser admin = accounts.admin();
        CurrentUser source = accounts.source();
        long query = queries.by(accounts.journalist()).publish();

        assertThat(mvc.get().uri("/admin/accounts").param("q", "a\0b").with(as(admin))).hasStatus(400);
        assertThat(mvc.get().uri("/admin/audit").param("action", "a\0b").with(as(admin))).hasStatus(400);
        assertThat(mvc.get().uri("/admin/outbox").param("to", "a\0b").with(as(admin))).hasStatus(400);
        assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(admin)).param("name", "Nul\0topic")).hasStatus(400);
        assertThat(mvc.post().uri("/queries/" + query + "/pitch").with(csrf()).with(as(source))
                .param("answers[0]", "An answer\0").param("confirmsRequirements", "true")).hasStatus(400);
        // In a parameter's name too; and before log-in, which is no controller of ours.
        assertThat(mvc.post().uri("/profile").with(csrf()).with(as(source)).param("name\0", "x")).hasStatus(400);
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", "a\0@example.com").param("password", "x")).hasStatus(400);
        assertThat(errors()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreABadRequestWithoutAnErrorLog() {
        RawHttp browser = new RawHttp(port);

        RawHttp.Response query = browser.get("/signup?as=%FF%FE");
        RawHttp.Response malformed = browser.get("/signup?as=%zz");
        RawHttp.Response body = browser.post("/password-reset", browser.csrf("/password-reset"), "email=%C3%28%40example.com");

        assertThat(List.of(query.status(), malformed.status(), body.status())).containsOnly(400);
        assertThat(query.body()).contains("That request didn&#39;t work");
        assertThat(body.body()).contains("That request didn&#39;t work");
        assertThat(errors()).isEmpty();
    }

    @Test
    void indexedOrNestedNamesOnARecordFormAreIgnored() {
        var signUp = mvc.post().uri("/signup").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("displayName[0]", "Sam").param("email.x", "x").param("role[]", "SOURCE")
                .param("email", TestAccounts.uniqueEmail("nested")).param("password", "correct horse battery 9");

        assertThat(signUp).hasStatusOk().bodyText().contains("Enter your name.");
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email[99999999]", "x")).hasStatusOk().bodyText().contains("Enter your e-mail address.");
        assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(accounts.admin())).param("name.b.c", "x"))
                .hasStatusOk().bodyText().contains("Enter a name.");
    }

    @Test
    void namesAFormBeanCannotHoldAreIgnoredAndItsRowsStillBindByIndex() {
        CurrentUser journalist = accounts.journalist();
        long topic = topics.create("Bad names");
        List<String> names = List.of("questions[99999999]", "questions[x]", "questions[-1]", "questions[0][0]",
                "questions[0].x", "headline[0]", "pitchCap.x", "anonymous[0]", "topicId['k']");

        for (String name : names) {
            var draft = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic)
                    .param("action", "draft").param(name, "x");
            assertThat(draft.exchange().getResponse().getRedirectedUrl()).as(name).matches("/queries/\\d+");
        }
        assertThat(jdbc.sql("""
                select count(q.id) from journalist_query q join query_question u on u.query_id = q.id
                where q.journalist_id = :id group by q.id""").param("id", journalist.id()).query(Long.class).list())
                .as("three questions in each of the drafts").hasSize(names.size()).containsOnly(3L);
        // A file part is bound by its name too.
        var upload = mvc.post().uri("/queries").multipart()
                .file(new MockMultipartFile("headline[0]", "x.txt", "text/plain", new byte[] {1}))
                .with(csrf()).with(as(journalist)).param("headline", "File part").param("timeZone", "Europe/London")
                .param("action", "draft");
        assertThat(upload.exchange().getResponse().getRedirectedUrl()).matches("/queries/\\d+");
        // What the forms do send still binds: question rows by index.
        var fourQuestions = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic,
                "questions[3]", "A fourth question?").param("action", "draft").exchange();
        long id = Long.parseLong(fourQuestions.getResponse().getRedirectedUrl().substring("/queries/".length()));
        assertThat(jdbc.sql("select count(*) from query_question where query_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(errors()).isEmpty();
    }

    private List<String> errors() {
        return log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
