package org.sourcewire.delivery;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.outlets.TestOutlets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A source's matches outside the site: the private feed and its token, and the webhook's outbox. */
class DeliveryTests extends IntegrationTest {

    static WebhookServer chat;

    @Autowired
    TestOutlets outlets;

    @Autowired
    Webhooks webhooks;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void startChat() throws IOException {
        chat = new WebhookServer();
    }

    @AfterAll
    static void stopChat() {
        chat.close();
    }

    @Test
    void aPrivateFeedListsTheSourcesMatchedQueriesAsAtomAndRssWithoutLogIn() throws Exception {
        long topic = sources.newTopic("Feeds");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        CurrentUser journalist = accounts.journalist();
        long query = sources.publish(journalist, topic, "headline", "Night shifts & sleep <really>");
        String token = newFeed(source);

        MvcTestResult atom = mvc.get().uri("/feeds/" + token + "/atom").exchange();
        assertThat(atom).hasStatusOk().headers().hasValue("X-Robots-Tag", "noindex, nofollow");
        assertThat(atom.getResponse().getContentType()).startsWith("application/atom+xml");
        SyndFeed parsed = parse(atom);
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Night shifts & sleep <really>");
        assertThat(parsed.getEntries().get(0).getLink()).endsWith("/queries/" + query);
        assertThat(parsed.getEntries().get(0).getDescription().getValue()).contains("Your topic: " + sources.topicName(topic));

        MvcTestResult rss = mvc.get().uri("/feeds/" + token + "/rss").exchange();
        assertThat(rss).hasStatusOk();
        assertThat(rss.getResponse().getContentType()).startsWith("application/rss+xml");
        assertThat(parse(rss).getFeedType()).isEqualTo("rss_2.0");
        assertThat(parse(rss).getEntries()).extracting(SyndEntry::getTitle).containsExactly("Night shifts & sleep <really>");
    }

    @Test
    void aNewFeedAddressRetiresTheOldOneAndTurningTheFeedOffRetiresBoth() {
        CurrentUser source = accounts.source();
        sources.profile(source);
        String first = newFeed(source);
        String second = newFeed(source);

        assertThat(second).isNotEqualTo(first);
        assertThat(mvc.get().uri("/feeds/" + first + "/atom")).hasStatus(404);
        assertThat(mvc.get().uri("/feeds/" + second + "/atom")).hasStatusOk();
        assertThat(mvc.post().uri("/delivery/feed/delete").with(csrf()).with(as(source))).hasRedirectedUrl("/delivery");
        assertThat(mvc.get().uri("/feeds/" + second + "/rss")).hasStatus(404);
        assertThat(mvc.get().uri("/feeds/not-a-token/atom")).hasStatus(404);
    }

    @Test
    void aSuspendedSourcesFeedIsGone() {
        CurrentUser source = accounts.source();
        sources.profile(source);
        String token = newFeed(source);
        accounts.suspend(source);
        assertThat(mvc.get().uri("/feeds/" + token + "/atom")).hasStatus(404);
    }

    @Test
    void anAnonymousQueryInTheFeedAndTheWebhookNamesNobody() throws Exception {
        long topic = sources.newTopic("Anonymous delivery");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        String token = newFeed(source);
        saveWebhook(source, chat.address("/anonymous"), "SLACK");
        outlets.confirmed("Hidden Delivery Weekly", "hidden-delivery.example");
        String email = TestAccounts.uniqueEmail("secret").replace("@example.com", "@hidden-delivery.example");
        CurrentUser journalist = accounts.create(new SignUp("Secret Deliverer", email, TestAccounts.PASSWORD,
                Role.JOURNALIST, "Hidden Delivery Weekly", "https://www.hidden-delivery.example"), true);
        sources.publish(journalist, topic, "headline", "Anonymous delivery question", "anonymous", "true",
                "mediaType", "PODCAST", "outletName", "Hidden Delivery Weekly",
                "outletUrl", "https://www.hidden-delivery.example");
        webhooks.claimNewMatches();
        webhooks.sendDue();

        String feed = mvc.get().uri("/feeds/" + token + "/atom").exchange().getResponse().getContentAsString();
        String posted = chat.received("/anonymous").get(0).body();
        for (String delivered : List.of(feed, posted)) {
            assertThat(delivered).contains("Anonymous delivery question").contains("Anonymous — Podcast")
                    .doesNotContain("Secret Deliverer").doesNotContain("Hidden Delivery").doesNotContain("hidden-delivery");
        }
    }

    @Test
    void theDeliveryPageIsForSourcesOnly() {
        assertThat(mvc.get().uri("/delivery").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(mvc.get().uri("/delivery")).hasStatus3xxRedirection();
        CurrentUser noProfile = accounts.source();
        assertThat(mvc.get().uri("/delivery").with(as(noProfile))).hasStatusOk().bodyText()
                .contains("Create your expert profile first");
        assertThat(mvc.post().uri("/delivery/webhook").param("url", chat.address("/x")).param("format", "SLACK")
                .with(csrf()).with(as(noProfile))).hasRedirectedUrl("/delivery");
        assertThat(jdbc.sql("select count(*) from delivery_setting where account_id = :id").param("id", noProfile.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNewMatchIsPostedToTheWebhookOnceAsSlackJson() throws Exception {
        long topic = sources.newTopic("Slack");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        saveWebhook(source, chat.address("/slack-once"), "SLACK");
        long query = sources.publish(accounts.journalist(), topic, "headline", "Budgets <for> AI & robots");

        webhooks.claimNewMatches();
        webhooks.sendDue();
        webhooks.claimNewMatches();
        webhooks.sendDue();

        List<WebhookServer.Received> received = chat.received("/slack-once");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).contentType()).startsWith("application/json");
        JsonNode message = json.readTree(received.get(0).body());
        assertThat(message.get("text").asString()).contains("Budgets &lt;for&gt; AI &amp; robots")
                .endsWith("/queries/" + query);
        assertThat(message.get("blocks").get(0).get("text").get("text").asString())
                .startsWith("*<http://localhost:8080/queries/" + query + "|Budgets &lt;for&gt; AI &amp; robots>*")
                .contains("Why you: Your topic: " + sources.topicName(topic));
        assertThat(mvc.get().uri("/delivery").with(as(source))).bodyText().contains("Budgets &lt;for&gt; AI &amp; robots").contains("Sent");
    }

    @Test
    void teamsGetsAnAdaptiveCardWithALinkToTheQuery() throws Exception {
        long topic = sources.newTopic("Teams");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        saveWebhook(source, chat.address("/teams"), "TEAMS");
        long query = sources.publish(accounts.journalist(), topic, "headline", "Hybrid work and meetings");

        webhooks.claimNewMatches();
        webhooks.sendDue();

        JsonNode message = json.readTree(chat.received("/teams").get(0).body());
        assertThat(message.get("type").asString()).isEqualTo("message");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body").get(0).get("text").asString()).isEqualTo("Hybrid work and meetings");
        assertThat(card.get("actions").get(0).get("url").asString()).endsWith("/queries/" + query);
    }

    @Test
    void matchesFromBeforeTheWebhookWasTurnedOnAreNotSent() {
        long topic = sources.newTopic("Before");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        CurrentUser journalist = accounts.journalist();
        sources.publish(journalist, topic, "headline", "Matched before the webhook");
        clock.advance(Duration.ofSeconds(1));
        saveWebhook(source, chat.address("/before"), "SLACK");
        clock.advance(Duration.ofSeconds(1));
        sources.publish(journalist, topic, "headline", "Matched after the webhook");

        webhooks.claimNewMatches();
        webhooks.sendDue();

        assertThat(chat.received("/before")).extracting(WebhookServer.Received::body)
                .singleElement().asString().contains("Matched after the webhook");
    }

    @Test
    void aFailedMessageIsTriedAgainLaterAndAHookThatIsGoneIsNotAskedAgain() {
        long topic = sources.newTopic("Retries");
        CurrentUser flaky = accounts.source();
        sources.subscribe(sources.profile(flaky), topic);
        saveWebhook(flaky, chat.address("/flaky"), "SLACK");
        CurrentUser gone = accounts.source();
        sources.subscribe(sources.profile(gone), topic);
        saveWebhook(gone, chat.address("/gone"), "SLACK");
        chat.answer("/flaky", 503);
        chat.answer("/gone", 404);
        sources.publish(accounts.journalist(), topic, "headline", "Retried question");

        webhooks.claimNewMatches();
        webhooks.sendDue();
        assertThat(chat.received("/flaky")).hasSize(1);
        assertThat(mvc.get().uri("/delivery").with(as(flaky))).bodyText().contains("Failed 1 time").contains("HTTP 503");
        webhooks.sendDue();
        assertThat(chat.received("/flaky")).as("not due again before the retry delay").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        webhooks.sendDue();
        assertThat(chat.received("/flaky")).hasSize(2);
        assertThat(status(flaky)).isEqualTo("SENT");
        assertThat(chat.received("/gone")).hasSize(1);
        assertThat(status(gone)).isEqualTo("FAILED");
        assertThat(mvc.get().uri("/delivery").with(as(gone))).bodyText().contains("Not delivered").contains("HTTP 404: no_service");
    }

    @Test
    void twoSendersAtOncePostEachMessageOnce() throws Exception {
        long topic = sources.newTopic("Race");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        saveWebhook(source, chat.address("/race"), "SLACK");
        CurrentUser journalist = accounts.journalist();
        for (int i = 0; i < 4; i++) {
            sources.publish(journalist, topic, "headline", "Race question " + i);
        }

        Concurrently.run(2, n -> webhooks.claimNewMatches());
        Concurrently.run(3, n -> webhooks.sendDue());

        assertThat(chat.received("/race")).hasSize(4);
        assertThat(chat.received("/race")).extracting(WebhookServer.Received::body).doesNotHaveDuplicates();
    }

    @Test
    void aPrivateOrMalformedAddressIsRefusedBesideTheFieldAndNothingIsSaved() {
        CurrentUser source = accounts.source();
        sources.profile(source);
        for (String address : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest")) {
            assertThat(webhookForm(source, address, "SLACK")).hasStatusOk().bodyText().contains("private network");
        }
        assertThat(webhookForm(source, "not an address", "SLACK")).hasStatusOk().bodyText()
                .contains("Enter a full web address");
        assertThat(webhookForm(source, "", "SLACK")).hasStatusOk().bodyText().contains("Paste the webhook address");
        assertThat(webhookForm(source, chat.address("/x"), "BOGUS")).hasStatusOk().bodyText()
                .contains("Choose Slack or Microsoft Teams");
        assertThat(jdbc.sql("select count(*) from delivery_setting where account_id = :id").param("id", source.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theTestMessageSaysWhatTheAddressAnsweredAndIsNotRepeatedAtOnce() {
        CurrentUser source = accounts.source();
        sources.profile(source);
        saveWebhook(source, chat.address("/test-message"), "SLACK");

        assertThat(test(source)).flash().containsEntry("success", "Test message delivered (HTTP 200).");
        assertThat(chat.received("/test-message")).singleElement().extracting(WebhookServer.Received::body).asString()
                .contains("Sourcewire test message");
        assertThat(test(source)).flash().hasEntrySatisfying("error", error -> assertThat(error).asString().contains("a moment ago"));
        assertThat(chat.received("/test-message")).hasSize(1);

        chat.answer("/test-message", 404);
        clock.advance(Duration.ofSeconds(11));
        assertThat(test(source)).flash().hasEntrySatisfying("error",
                error -> assertThat(error).asString().contains("answered HTTP 404: no_service"));
    }

    @Test
    void turningTheWebhookOffCancelsWhatWaitsAndSendsNothingMore() {
        long topic = sources.newTopic("Off");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        saveWebhook(source, chat.address("/off"), "SLACK");
        sources.publish(accounts.journalist(), topic, "headline", "Waiting when turned off");
        webhooks.claimNewMatches();

        assertThat(mvc.post().uri("/delivery/webhook/delete").with(csrf()).with(as(source))).hasRedirectedUrl("/delivery");
        webhooks.sendDue();
        webhooks.claimNewMatches();
        webhooks.sendDue();

        assertThat(chat.received("/off")).isEmpty();
        assertThat(status(source)).isEqualTo("CANCELLED");
    }

    @Test
    void aQueryClosedBeforeItsMessageWentOutIsNotSent() {
        long topic = sources.newTopic("Closed");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        saveWebhook(source, chat.address("/closed"), "SLACK");
        CurrentUser journalist = accounts.journalist();
        long query = sources.publish(journalist, topic, "headline", "Closed before sending");
        webhooks.claimNewMatches();
        assertThat(mvc.post().uri("/queries/" + query + "/close").with(csrf()).with(as(journalist)))
                .hasRedirectedUrl("/queries/" + query);

        webhooks.sendDue();

        assertThat(chat.received("/closed")).isEmpty();
        assertThat(status(source)).isEqualTo("CANCELLED");
        assertThat(mvc.get().uri("/delivery").with(as(source))).bodyText().contains("The query closed before it could be sent.");
    }

    private String newFeed(CurrentUser source) {
        assertThat(mvc.post().uri("/delivery/feed").with(csrf()).with(as(source))).hasRedirectedUrl("/delivery");
        return jdbc.sql("select feed_token from delivery_setting where account_id = :id").param("id", source.id())
                .query(String.class).single();
    }

    private void saveWebhook(CurrentUser source, String url, String format) {
        assertThat(webhookForm(source, url, format)).hasRedirectedUrl("/delivery");
    }

    private MvcTestResult webhookForm(CurrentUser source, String url, String format) {
        return mvc.post().uri("/delivery/webhook").param("url", url).param("format", format).with(csrf())
                .with(as(source)).exchange();
    }

    private MvcTestResult test(CurrentUser source) {
        return mvc.post().uri("/delivery/webhook/test").with(csrf()).with(as(source)).exchange();
    }

    private String status(CurrentUser source) {
        return jdbc.sql("""
                select w.status from webhook_message w join delivery_setting d on d.source_id = w.source_id
                where d.account_id = :id""").param("id", source.id()).query(String.class).single();
    }

    private static SyndFeed parse(MvcTestResult result) throws Exception {
        return new SyndFeedInput().build(new StringReader(result.getResponse().getContentAsString()));
    }
}
