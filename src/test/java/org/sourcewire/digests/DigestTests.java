package org.sourcewire.digests;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.queries.QueryMother;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Editions at fixed instants. Each test uses its own local dates (and mostly its own time zone), because an edition
 * of a zone and date runs once for the whole (shared) database.
 */
@ExtendWith(OwnDigestEditions.class)
class DigestTests extends IntegrationTest {

    /** The first Monday after today; tests use the days after it. Queries stay open for 25 days. */
    static final LocalDate MONDAY = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    static final String OPEN_25_DAYS = QueryMother.deadlineInHours(25 * 24);

    @Autowired
    DigestEditions editions;

    @Test
    void eachSourceGetsEditionsAtItsOwnLocalTimeOnItsOwnBusinessDays() {
        long topic = sources.newTopic("Zones");
        CurrentUser tokyo = subscribed("Asia/Tokyo", topic);
        CurrentUser losAngeles = subscribed("America/Los_Angeles", topic);
        sources.publish(accounts.journalist(), topic, "headline", "Zones query", "deadline", OPEN_25_DAYS);

        // Monday 05:35 in Tokyo is Sunday evening in Los Angeles.
        editions.runDue(at("Asia/Tokyo", MONDAY, "05:34"));
        assertThat(digests(tokyo)).isEmpty();
        editions.runDue(at("Asia/Tokyo", MONDAY, "05:35"));
        assertThat(digests(tokyo)).hasSize(1);
        assertThat(digests(losAngeles)).isEmpty();
        editions.runDue(at("America/Los_Angeles", MONDAY, "05:35"));
        assertThat(digests(losAngeles)).hasSize(1);
        assertThat(digests(tokyo)).as("the query was already in Tokyo's digest").hasSize(1);

        // Saturday 05:35 in Tokyo is Friday 12:35 in Los Angeles: a business day there only.
        sources.publish(accounts.journalist(), topic, "headline", "Zones weekend query", "deadline", OPEN_25_DAYS);
        editions.runDue(at("Asia/Tokyo", MONDAY.plusDays(5), "05:35"));
        assertThat(digests(tokyo)).hasSize(1);
        assertThat(digests(losAngeles)).hasSize(2);
        assertThat(digests(losAngeles).get(1)).contains("Zones weekend query").contains("midday edition");
    }

    @Test
    void aDigestGroupsTheNewOpenQueriesByTopic() {
        long sleep = sources.newTopic("Sleep");
        long money = sources.newTopic("Money");
        CurrentUser source = subscribed("Europe/Berlin", sleep);
        sources.subscribe(profileOf(source), money);
        CurrentUser journalist = accounts.journalist();
        sources.publish(journalist, sleep, "headline", "Sleep one", "deadline", OPEN_25_DAYS);
        sources.publish(journalist, money, "headline", "Money one", "deadline", OPEN_25_DAYS);
        sources.publish(journalist, sleep, "headline", "Sleep two", "deadline", QueryMother.deadlineInHours(24 * 24));
        long closed = sources.publish(journalist, sleep, "headline", "Closed one", "deadline", OPEN_25_DAYS);
        mvc.post().uri("/queries/" + closed + "/close").with(csrf()).with(as(journalist)).exchange();

        editions.runDue(at("Europe/Berlin", MONDAY.plusDays(2), "05:40"));

        List<String> digests = digests(source);
        assertThat(digests).hasSize(1);
        String text = digests.get(0);
        String sleepName = sources.topicName(sleep);
        String moneyName = sources.topicName(money);
        assertThat(text).contains("3 new queries match").contains("== " + sleepName + " ==")
                .contains("== " + moneyName + " ==").doesNotContain("Closed one").contains("(Europe/Berlin)")
                .contains("/queries/");
        int sleepAt = text.indexOf("== " + sleepName);
        int moneyAt = text.indexOf("== " + moneyName);
        int sleepGroupEnd = moneyAt > sleepAt ? moneyAt : text.length();
        assertThat(text.substring(sleepAt, sleepGroupEnd)).contains("Sleep one", "Sleep two").doesNotContain("Money one");
        assertThat(text.indexOf("Sleep two")).as("soonest deadline first").isLessThan(text.indexOf("Sleep one"));
    }

    @Test
    void noEditionIsSentTwiceAndNoQueryTwiceEvenWithTwoRunsAtOnce() throws Exception {
        long topic = sources.newTopic("Twice");
        CurrentUser first = subscribed("Europe/Paris", topic);
        CurrentUser second = subscribed("Europe/Paris", topic);
        CurrentUser journalist = accounts.journalist();
        sources.publish(journalist, topic, "headline", "Twice one", "deadline", OPEN_25_DAYS);

        Instant morning = at("Europe/Paris", MONDAY.plusDays(4), "05:35");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return editions.runDue(morning);
        })).toList();
        start.countDown();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        editions.runDue(morning);
        editions.runDue(morning.plusSeconds(600));
        assertThat(digests(first)).hasSize(1);
        assertThat(digests(second)).hasSize(1);

        // Midday: nothing new, no mail; then a new query comes alone.
        Instant midday = at("Europe/Paris", MONDAY.plusDays(4), "12:35");
        editions.runDue(midday);
        assertThat(digests(first)).hasSize(1);
        sources.publish(journalist, topic, "headline", "Twice two", "deadline", OPEN_25_DAYS);
        editions.runDue(at("Europe/Paris", MONDAY.plusDays(4), "17:35"));
        assertThat(digests(first)).hasSize(2);
        assertThat(digests(first).get(1)).contains("Twice two").doesNotContain("Twice one");
    }

    @Test
    void noMailWhenNothingMatched() {
        CurrentUser idle = subscribed("Europe/London", sources.newTopic("Idle"));
        editions.runDue(at("Europe/London", MONDAY.plusDays(14), "05:35"));
        assertThat(digests(idle)).isEmpty();
    }

    @Test
    void aRunThatStoppedHalfWayContinuesAfterTheLastSourceItHandled() {
        long topic = sources.newTopic("Resume");
        CurrentUser done = subscribed("America/Chicago", topic);
        CurrentUser waiting = subscribed("America/Chicago", topic);
        sources.publish(accounts.journalist(), topic, "headline", "Resume query", "deadline", OPEN_25_DAYS);
        Instant morning = at("America/Chicago", MONDAY.plusDays(10), "05:35");
        // As if an instance had handled sources up to "done" and then died before finishing.
        jdbc.sql("""
                insert into digest_edition (time_zone, edition_date, edition, due_at, last_source_id, started_at)
                values ('America/Chicago', :date, 'MORNING', :due, :last, :due)""")
                .param("date", java.sql.Date.valueOf(MONDAY.plusDays(10))).param("due", java.sql.Timestamp.from(morning))
                .param("last", profileOf(done)).update();

        editions.runDue(morning.plusSeconds(300));

        assertThat(digests(waiting)).hasSize(1);
        assertThat(digests(done)).isEmpty();
        assertThat(jdbc.sql("select count(*) from digest_edition where time_zone = 'America/Chicago' and finished_at is null")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOneClickUnsubscribeLinkWorksWithoutLogInAndCannotBeForged() throws Exception {
        long topic = sources.newTopic("Unsubscribe");
        CurrentUser source = subscribed("Australia/Sydney", topic);
        CurrentUser journalist = accounts.journalist();
        sources.publish(journalist, topic, "headline", "Unsubscribe one", "deadline", OPEN_25_DAYS);
        editions.runDue(at("Australia/Sydney", MONDAY.plusDays(8), "05:35"));
        mailbox.deliver();

        List<MimeMessage> received = mailbox.receivedBy(source.email());
        assertThat(received).hasSize(1);
        MimeMessage digest = received.get(0);
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String header = digest.getHeader("List-Unsubscribe")[0];
        assertThat(header).startsWith("<http://localhost:8080/digests/unsubscribe?token=").endsWith(">");
        String link = header.substring("<http://localhost:8080".length(), header.length() - 1);
        assertThat(Mailbox.link(digest, "/digests/unsubscribe")).isEqualTo(link);
        String token = link.substring(link.indexOf("token=") + "token=".length());

        // Forged: another source's id under this link's signature; tampered: a changed signature.
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst("\n\\d+\n", "\n1\n").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of(forged, tampered, "nonsense", "")) {
            assertThat(mvc.get().uri("/digests/unsubscribe").param("token", bad)).hasStatus(400).bodyText()
                    .contains("This unsubscribe link is not valid");
            assertThat(mvc.post().uri("/digests/unsubscribe").param("token", bad)).hasStatus(400);
        }

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("Stop digest e-mails?");
        assertThat(choice(source)).as("a GET alone does not unsubscribe").isNull();
        // RFC 8058: the mail client posts List-Unsubscribe=One-Click to the header's URL, without session or CSRF token.
        assertThat(mvc.post().uri(link).contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).hasStatusOk().bodyText().contains("You are unsubscribed");
        assertThat(choice(source)).isEqualTo("false,false,false");

        sources.publish(journalist, topic, "headline", "Unsubscribe two", "deadline", OPEN_25_DAYS);
        editions.runDue(at("Australia/Sydney", MONDAY.plusDays(8), "12:35"));
        assertThat(digests(source)).hasSize(1);
    }

    @Test
    void aSourceChoosesItsEditions() {
        long topic = sources.newTopic("Choice");
        CurrentUser source = subscribed("Asia/Kolkata", topic);
        assertThat(mvc.get().uri("/digests/settings").with(as(source))).hasStatusOk().bodyText()
                .contains("Morning edition, 05:35").contains("Midday edition, 12:35").contains("Evening edition, 17:35");
        assertThat(mvc.post().uri("/digests/settings").with(csrf()).with(as(source)).param("evening", "true"))
                .hasRedirectedUrl("/digests/settings");
        assertThat(choice(source)).isEqualTo("false,false,true");
        sources.publish(accounts.journalist(), topic, "headline", "Choice query", "deadline", OPEN_25_DAYS);

        editions.runDue(at("Asia/Kolkata", MONDAY.plusDays(9), "05:35"));
        editions.runDue(at("Asia/Kolkata", MONDAY.plusDays(9), "12:35"));
        assertThat(digests(source)).isEmpty();
        editions.runDue(at("Asia/Kolkata", MONDAY.plusDays(9), "17:35"));
        assertThat(digests(source)).hasSize(1);

        assertThat(mvc.get().uri("/digests/settings").with(as(accounts.journalist()))).hasStatus(403);
    }

    private CurrentUser subscribed(String zone, long topic) {
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source, zone), topic);
        return source;
    }

    private long profileOf(CurrentUser source) {
        return jdbc.sql("select id from source_profile where account_id = :id").param("id", source.id())
                .query(Long.class).single();
    }

    private String choice(CurrentUser source) {
        return jdbc.sql("select morning || ',' || midday || ',' || evening from digest_preference where source_id = :id")
                .param("id", profileOf(source)).query(String.class).optional().orElse(null);
    }

    /** The plain-text bodies of the digests queued for the source, oldest first. */
    private List<String> digests(CurrentUser source) {
        return jdbc.sql("""
                select text_body from mail_outbox where recipient = :to and subject like 'Sourcewire digest%' order by id""")
                .param("to", source.email()).query(String.class).list();
    }

    private static Instant at(String zone, LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), ZoneId.of(zone)).toInstant();
    }
}
