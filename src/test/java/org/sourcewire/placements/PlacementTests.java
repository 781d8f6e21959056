package org.sourcewire.placements;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.mail.Outbox;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SafeFetcher;
import org.sourcewire.shared.SiteUrls;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The placement check end to end: a journalist records (or confirms) the article of a used pitch, Sourcewire reads it
 * from a local web server serving fixture articles, both sides see what was found beside the promised link, and the
 * rechecks record every reading and tell the source when the link changes.
 */
class PlacementTests extends IntegrationTest {

    /** The answer every fixture source gives; the "quoted" articles print its middle sentence, lightly edited. */
    static final String ANSWER = "Shift workers sleep best in two blocks when the roster allows it. In our 2023 roster "
            + "trial, nurses who split their sleep into a four hour core and a ninety minute nap made fewer charting "
            + "errors than those who slept once. The effect held over six months.";

    static final String QUOTE = "nurses who split their sleep into a four-hour core and a 90-minute nap made fewer "
            + "charting mistakes than those who slept once";

    static ArticleServer server;
    static String article;
    static String site;

    @Autowired
    PlacementChecks checks;

    @BeforeAll
    static void startServer() throws IOException {
        server = new ArticleServer();
        article = server.article();
        site = server.site();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String page(String path, String title, String body) {
        return server.page(path, title, body);
    }

    /** A source with a company and a website on the fixture server, whose pitch to {@code query} is sent. */
    private record Sent(CurrentUser source, String path, String name, String company) {
    }

    private Sent pitch(long query, String company) {
        String name = "Priya " + company.split(" ")[0] + UUID.randomUUID().toString().substring(0, 4);
        CurrentUser source = accounts.source(name, TestAccounts.uniqueEmail("placed"));
        String path = TestPitches.sent(mvc, source, query, "answers[0]", ANSWER);
        jdbc.sql("update source_profile set company = :company, website = :site where account_id = :id")
                .param("company", company).param("site", site + "/").param("id", source.id()).update();
        return new Sent(source, path, name, company);
    }

    private long query(CurrentUser journalist, String policy) {
        long query = queries.by(journalist).publish();
        jdbc.sql("update journalist_query set link_policy = :policy where id = :id").param("policy", policy)
                .param("id", query).update();
        return query;
    }

    private void use(CurrentUser journalist, Sent sent, String articleUrl) {
        assertThat(mvc.post().uri(sent.path() + "/use").with(csrf()).with(as(journalist))
                .param("articleUrl", articleUrl).param("back", "detail")).hasStatus3xxRedirection();
    }

    private Map<String, Object> placementOf(Sent sent) {
        return jdbc.sql("""
                select pl.* from placement pl join pitch p on p.id = pl.pitch_id where p.public_id = :id""")
                .param("id", UUID.fromString(sent.path().substring("/pitches/".length()))).query().singleRow();
    }

    private Map<String, Object> readPlacement(Sent sent) {
        await().atMost(Duration.ofSeconds(20)).until(() -> placementCount(sent) == 1 && placementOf(sent).get("checked_at") != null);
        return placementOf(sent);
    }

    private int placementCount(Sent sent) {
        return jdbc.sql("select count(*) from placement pl join pitch p on p.id = pl.pitch_id where p.public_id = :id")
                .param("id", UUID.fromString(sent.path().substring("/pitches/".length()))).query(Integer.class).single();
    }

    private List<Map<String, Object>> history(Sent sent) {
        return jdbc.sql("""
                select c.* from placement_check c join placement pl on pl.id = c.placement_id join pitch p on p.id = pl.pitch_id
                where p.public_id = :id order by c.id""")
                .param("id", UUID.fromString(sent.path().substring("/pitches/".length()))).query().listOfRows();
    }

    private String fragment(CurrentUser reader, Sent sent) {
        var result = mvc.get().uri(sent.path() + "/placement").with(as(reader)).exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try {
            return org.jsoup.Jsoup.parse(result.getResponse().getContentAsString()).text();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aFollowedLinkWithTheSourcesWordsIsFoundAndBothSidesSeeItBesideThePromise() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "FOLLOWED");
        Sent sent = pitch(query, "Roster Labs");
        String url = page("/news/split-sleep-" + UUID.randomUUID(), "Why nurses split their sleep", """
                <p>“%s,” said %s of <a href="%s/research">Roster Labs</a>.</p>""".formatted(QUOTE, sent.name(), site));

        use(journalist, sent, url);

        Map<String, Object> placement = readPlacement(sent);
        assertThat(placement).containsEntry("link_kind", "FOLLOWED").containsEntry("mentioned", true)
                .containsEntry("quoted", true).containsEntry("title", "Why nurses split their sleep")
                .containsEntry("state", "CONFIRMED").containsEntry("proposed_by", "JOURNALIST");
        assertThat(placement.get("canonical_url").toString()).startsWith("https://ledger.example/news/split-sleep-");
        assertThat(placement.get("published_at")).isNotNull();
        assertThat(history(sent)).singleElement().satisfies(check -> {
            assertThat(check.get("links").toString()).contains(site + "/research").contains("Roster Labs");
            assertThat(check.get("error")).isNull();
        });

        String forJournalist = fragment(journalist, sent);
        assertThat(forJournalist).contains("Promised: followed link · found: followed link").contains("as promised")
                .contains("The source's own words appear in the article.");
        String forSource = fragment(sent.source(), sent);
        assertThat(forSource).contains("Promised: followed link · found: followed link")
                .contains("Your own words appear in the article.").contains("Followed link with anchor text “Roster Labs” to " + site + "/research");

        mailbox.deliver();
        assertThat(mailbox.receivedBy(sent.source().email())).anySatisfy(mail ->
                assertThat(mail.getSubject()).isEqualTo("A link to your site appeared in an article"));
    }

    @Test
    void eachKindOfLinkAMentionAQuoteAndARedirectAreToldApart() {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "FOLLOWED");
        String id = UUID.randomUUID().toString();
        record Case(Sent sent, String url) {
        }
        List<Case> cases = new ArrayList<>();
        for (String[] fixture : new String[][] {
                { "nofollow", "<p>Said <a rel=\"nofollow\" href=\"%s/\">Nofollow Co</a>.</p>" },
                { "sponsored", "<p>Said <a rel=\"sponsored noopener\" href=\"%s/\">Sponsored Co</a>.</p>" },
                { "ugc", "<p>Said <a rel=\"ugc\" href=\"%s/\">Ugc Co</a>.</p>" },
                { "robots", "<meta name=\"robots\" content=\"index, nofollow\"><p>Said <a href=\"%s/\">Robots Co</a>.</p>" },
                { "redirect", "<p>Said <a href=\"" + article + "/go/" + id + "\">Redirect Co</a>.</p>" },
                { "mention", "<p>Redirect Co and Mention Co were asked; Mention Co did not answer.</p>" },
                { "quote", "<p>One researcher put it simply: “" + QUOTE + ".”</p>" } }) {
            String company = Character.toUpperCase(fixture[0].charAt(0)) + fixture[0].substring(1) + " Co";
            Sent sent = pitch(query, company);
            cases.add(new Case(sent, page("/" + fixture[0] + "/" + id, fixture[0], fixture[1].formatted(site))));
        }
        server.put("/go/" + id, new ArticleServer.Fixture(302, "text/html", "", 0, site + "/from-the-ledger"));

        cases.forEach(c -> use(journalist, c.sent(), c.url()));

        assertThat(cases).extracting(c -> readPlacement(c.sent())).extracting(p -> p.get("link_kind"), p -> p.get("mentioned"), p -> p.get("quoted"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("NOFOLLOW", true, false),
                        org.assertj.core.groups.Tuple.tuple("SPONSORED", true, false),
                        org.assertj.core.groups.Tuple.tuple("UGC", true, false),
                        org.assertj.core.groups.Tuple.tuple("NOFOLLOW", true, false),
                        org.assertj.core.groups.Tuple.tuple("FOLLOWED", true, false),
                        org.assertj.core.groups.Tuple.tuple(null, true, false),
                        org.assertj.core.groups.Tuple.tuple(null, false, true));
        // The redirect: where the link points, and where it leads.
        assertThat(history(cases.get(4).sent()).get(0).get("links").toString())
                .contains(article + "/go/" + id).contains(site + "/from-the-ledger");
        assertThat(fragment(journalist, cases.get(0).sent())).contains("Promised: followed link · found: nofollow link")
                .contains("not as promised");
        assertThat(fragment(cases.get(5).sent().source(), cases.get(5).sent()))
                .contains("Promised: followed link · found: no link").contains("Your name or company is mentioned.");
    }

    @Test
    void aLinkRemovedByTheNextReadingIsRecordedAndTheSourceIsTold() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "NOFOLLOW");
        Sent sent = pitch(query, "Gone Co");
        String path = "/gone/" + UUID.randomUUID();
        String url = page(path, "Gone", "<p>Said <a href=\"%s/\">Gone Co</a>.</p>".formatted(site));
        use(journalist, sent, url);
        assertThat(readPlacement(sent)).containsEntry("link_kind", "FOLLOWED").containsEntry("round", 1);

        page(path, "Gone", "<p>Said Gone Co.</p>");
        long id = (Long) placementOf(sent).get("id");
        checks.checkNow(id);
        assertThat(history(sent)).hasSize(1).as("not due before a day has passed");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        try {
            checks.checkNow(id);
            mailbox.deliver();
        }
        finally {
            clock.reset();
        }
        assertThat(history(sent)).extracting(c -> c.get("link_kind"), c -> c.get("round"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FOLLOWED", 0), org.assertj.core.groups.Tuple.tuple(null, 1));
        Map<String, Object> placement = placementOf(sent);
        assertThat(placement).containsEntry("round", 2).containsEntry("link_kind", null);
        assertThat(placement.get("next_check_at").toString()).isNotNull();

        assertThat(mailbox.receivedBy(sent.source().email())).extracting(MimeMessage::getSubject)
                .contains("A link to your site appeared in an article", "The link to your site is gone from an article");
        assertThat(fragment(sent.source(), sent)).contains("Promised: nofollow link · found: no link")
                .contains("not as promised").contains("Every reading (2)");
    }

    @Test
    void pagesThatCannotBeReadAreRecordedAndTriedAgainLater() {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "NOT_KNOWN");
        String id = UUID.randomUUID().toString();
        server.put("/huge/" + id, new ArticleServer.Fixture(200, "text/html", "<p>" + "x".repeat(2_100_000) + "</p>", 0, null));
        server.put("/slow/" + id, new ArticleServer.Fixture(200, "text/html", "<p>late</p>", 8_000, null));
        server.put("/pdf/" + id, new ArticleServer.Fixture(200, "application/pdf", "%PDF-1.4", 0, null));
        List<Sent> sent = new ArrayList<>();
        for (String kind : List.of("huge", "slow", "pdf")) {
            Sent one = pitch(query, kind + " Co");
            use(journalist, one, article + "/" + kind + "/" + id);
            sent.add(one);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(s -> history(s).size() == 1));
        assertThat(sent).extracting(s -> history(s).get(0).get("error").toString())
                .satisfiesExactly(
                        huge -> assertThat(huge).contains("larger than Sourcewire reads"),
                        slow -> assertThat(slow).containsAnyOf("took too long", "could not be reached"),
                        pdf -> assertThat(pdf).contains("not a web page (application/pdf)"));
        assertThat(sent).extracting(this::placementOf).allSatisfy(placement -> {
            assertThat(placement).containsEntry("checked_at", null).containsEntry("failures", 1).containsEntry("round", 0);
            assertThat(placement.get("next_check_at")).isNotNull();
        });
        assertThat(fragment(journalist, sent.get(2))).contains("Not read: That address is not a web page");
    }

    @Test
    void aSourceProposesTheArticleAndTheJournalistConfirmsIt() {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "FOLLOWED");
        Sent sent = pitch(query, "Proposed Co");
        CurrentUser otherSource = accounts.source();
        CurrentUser otherJournalist = accounts.journalist();

        // Not before the pitch is used.
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(sent.source()))
                .param("articleUrl", "https://ledger.example/a")).hasStatus3xxRedirection();
        assertThat(placementCount(sent)).isZero();
        use(journalist, sent, "");
        assertThat(placementCount(sent)).isZero();

        // A bad address is refused beside the field, and nothing is saved.
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(sent.source()))
                .header("HX-Request", "true").param("articleUrl", "ledger dot example")).hasStatusOk()
                .bodyText().contains("is-invalid").contains("Enter the article&#39;s full address, starting with https://.");
        assertThat(placementCount(sent)).isZero();

        // Nobody else may propose, see or turn it down.
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(otherSource))
                .param("articleUrl", "https://ledger.example/b")).hasStatus(404);
        String url = page("/proposed/" + UUID.randomUUID(), "Proposed", "<p>Said <a href=\"%s/\">Proposed Co</a>.</p>".formatted(site));
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(sent.source()))
                .param("articleUrl", url)).hasStatus3xxRedirection();
        assertThat(placementOf(sent)).containsEntry("state", "PROPOSED").containsEntry("next_check_at", null);
        // The journalist is told once; a corrected address does not mail again.
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(sent.source()))
                .param("articleUrl", url + "?utm=1")).hasStatus3xxRedirection();
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(sent.source()))
                .param("articleUrl", url)).hasStatus3xxRedirection();
        mailbox.deliver();
        assertThat(mailbox.receivedBy(journalist.email())).filteredOn(mail -> subject(mail).startsWith("A source found the article"))
                .singleElement().satisfies(mail -> assertThat(Mailbox.text(mail)).contains(url).contains(sent.name()));
        assertThat(mvc.get().uri(sent.path() + "/placement").with(as(otherSource))).hasStatus(404);
        assertThat(mvc.get().uri(sent.path() + "/placement").with(as(otherJournalist))).hasStatus(404);
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal/reject").with(csrf()).with(as(otherJournalist)))
                .hasStatus(404);
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal/reject").with(csrf()).with(as(sent.source())))
                .hasStatus3xxRedirection();
        assertThat(placementOf(sent)).containsEntry("state", "PROPOSED");

        assertThat(fragment(journalist, sent)).contains("The source says the pitch went into this article")
                .contains("Confirm this article");
        use(journalist, sent, url);
        Map<String, Object> placement = readPlacement(sent);
        assertThat(placement).containsEntry("state", "CONFIRMED").containsEntry("proposed_by", "SOURCE")
                .containsEntry("link_kind", "FOLLOWED");
        assertThat(fragment(sent.source(), sent)).contains("Found by the source, confirmed by the journalist");

        // Once confirmed, the source cannot replace it.
        assertThat(mvc.post().uri(sent.path() + "/placement/proposal").with(csrf()).with(as(sent.source()))
                .header("HX-Request", "true").param("articleUrl", "https://ledger.example/other")).hasStatusOk()
                .bodyText().contains("The journalist has recorded the article already.");
        assertThat(placementOf(sent)).containsEntry("article_url", url);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void withoutAWebsiteOnTheProfileNoLinkIsLookedForAndNoPromiseJudged() {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "FOLLOWED");
        Sent sent = pitch(query, "Siteless Co");
        jdbc.sql("update source_profile set website = null where account_id = :id").param("id", sent.source().id()).update();
        use(journalist, sent, page("/siteless/" + UUID.randomUUID(), "Siteless", "<p>Siteless Co said so.</p>"));
        assertThat(readPlacement(sent)).containsEntry("link_kind", null).containsEntry("mentioned", true);
        assertThat(fragment(sent.source(), sent)).contains("Your profile gives no website")
                .contains("found: no website to look for").doesNotContain("as promised");
    }

    @Test
    void aReadingThatNeverEndsHoldsUpTheJobOnlyUntilTheLeaseRunsOutAndIsDroppedWhenItEnds(
            @Autowired ApplicationContext context, @Autowired PlacementsProperties properties) throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "FOLLOWED");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Sent sent = pitch(query, "Stuck Co");
            use(journalist, sent, page("/stuck/" + UUID.randomUUID(), "Stuck", "<p>Said Stuck Co.</p>"));
            readPlacement(sent);
            ids.add((Long) placementOf(sent).get("id"));
        }
        // Due before every other placement, so the two-placement batch below claims these two.
        jdbc.sql("update placement set next_check_at = :long_ago where id in (:ids)")
                .param("long_ago", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(3650))))
                .param("ids", ids).update();
        Instant started = clock.instant();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        // The first reading hangs until released, then fails; one reading at a time, so the second waits in the queue.
        SafeFetcher stuck = new SafeFetcher(new SafeFetcher.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1000, 1, "Sourcewire tests", true)) {
            @Override
            public Page fetchHtml(String address) throws FetchRefused {
                if (fetches.incrementAndGet() == 1) {
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
                throw new FetchRefused("shared.rule.fetch-too-slow");
            }
        };
        // Counts the readings' transactions, so the test can wait for the stuck one to end before it does.
        Semaphore stored = new Semaphore(0);
        TransactionTemplate counted = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                try {
                    return super.execute(action);
                }
                finally {
                    stored.release();
                }
            }
        };
        PlacementChecks impatient = new PlacementChecks(stuck, context.getBean(PitchManagement.class),
                context.getBean(AccountManagement.class), context.getBean(Outbox.class), context.getBean(SiteUrls.class),
                jdbc, counted, context.getBean(JsonMapper.class),
                new PlacementsProperties(properties.recheckAfter(), properties.checkEvery(), 2, 1, 1,
                        properties.retryAfter(), properties.retries(), Duration.ofSeconds(2)),
                context.getBean(Messages.class), clock, new SimpleMeterRegistry());
        long began = System.nanoTime();
        try {
            assertThat(impatient.checkDue()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
            // The next run claims the placements again before the stuck reading ends.
            java.sql.Timestamp nextRun = java.sql.Timestamp.from(clock.instant().plus(Duration.ofHours(1))
                    .truncatedTo(ChronoUnit.MICROS));
            jdbc.sql("update placement set claimed_until = :lease where id in (:ids)").param("lease", nextRun)
                    .param("ids", ids).update();
            release.countDown();
            assertThat(stored.tryAcquire(10, TimeUnit.SECONDS)).as("the stuck reading ended").isTrue();
            assertThat(stored.tryAcquire(1, TimeUnit.SECONDS)).as("the queued reading was cancelled").isFalse();
            assertThat(fetches).hasValue(1);
            assertThat(jdbc.sql("select count(*) from placement_check where placement_id in (:ids) and checked_at >= :started")
                    .param("ids", ids).param("started", java.sql.Timestamp.from(started)).query(Long.class).single())
                    .as("the late reading is dropped").isZero();
            assertThat(jdbc.sql("select claimed_until from placement where id in (:ids)").param("ids", ids)
                    .query(java.sql.Timestamp.class).list()).containsOnly(nextRun);
        }
        finally {
            release.countDown();
            impatient.destroy();
        }
    }

    @Test
    void twoCheckersAtOnceReadEachDuePlacementOnce() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = query(journalist, "FOLLOWED");
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Sent one = pitch(query, "Twice Co");
            use(journalist, one, page("/twice/" + UUID.randomUUID(), "Twice", "<p>Said Twice Co.</p>"));
            sent.add(one);
        }
        sent.forEach(this::readPlacement);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        try {
            Concurrently.run(2, n -> checks.checkDue());
        }
        finally {
            clock.reset();
        }
        assertThat(sent).allSatisfy(one -> assertThat(history(one)).extracting(c -> c.get("round")).containsExactly(0, 1));
    }
}
