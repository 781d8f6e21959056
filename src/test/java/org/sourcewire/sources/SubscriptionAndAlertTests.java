package org.sourcewire.sources;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.topics.TestTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class SubscriptionAndAlertTests extends IntegrationTest {

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    TopicSubscriptions subscriptions;

    @Autowired
    KeywordAlerts alerts;

    @Autowired
    TestTopics topics;

    @Test
    void aSourceChoosesTopicsAndSeesWhichAreQuiet() {
        CurrentUser source = accounts.source();
        long health = topic("Biotech & Healthcare");
        long travel = topic("Travel");

        assertThat(mvc.get().uri("/profile/topics").with(as(source))).hasStatusOk().bodyText()
                .contains("Biotech &amp; Healthcare").contains("quiet");
        assertThat(mvc.post().uri("/profile/topics").with(csrf()).with(as(source))
                .param("topicIds", String.valueOf(health), String.valueOf(travel))).hasRedirectedUrl("/profile/topics");
        long profile = profileId(source);
        assertThat(subscriptions.subscribedTopicIds(profile)).containsExactlyInAnyOrder(health, travel);

        assertThat(mvc.post().uri("/profile/topics").with(csrf()).with(as(source)).param("topicIds", String.valueOf(travel)))
                .hasRedirectedUrl("/profile/topics");
        assertThat(subscriptions.subscribedTopicIds(profile)).containsExactly(travel);
        assertThat(mvc.post().uri("/profile/topics").with(csrf()).with(as(source))).hasRedirectedUrl("/profile/topics");
        assertThat(subscriptions.subscribedTopicIds(profile)).isEmpty();
    }

    @Test
    void retiredTopicsCannotBeNewlyChosenButExistingSubscriptionsStay() {
        CurrentUser source = accounts.source();
        long topic = topics.create("Retiring");
        long profile = profileId(source);
        subscriptions.subscribe(profile, Set.of(topic));
        topics.retire(topic);

        assertThat(mvc.get().uri("/profile/topics").with(as(source))).hasStatusOk().bodyText()
                .contains("retired — kept while you keep it");
        CurrentUser other = accounts.source();
        assertThat(mvc.post().uri("/profile/topics").with(csrf()).with(as(other)).param("topicIds", String.valueOf(topic)))
                .hasStatusOk().bodyText().contains("One of the topics you chose is no longer offered.");
        assertThat(subscriptions.subscribedTopicIds(profileId(other))).isEmpty();
        assertThat(mvc.post().uri("/profile/topics").with(csrf()).with(as(other)).param("topicIds", "abc"))
                .hasStatusOk().bodyText().contains("Choose topics from the list.");
        assertThat(subscriptions.subscribedTopicIds(profile)).containsExactly(topic);
    }

    @Test
    void mergingATopicMovesSubscriptionsAndAlertFiltersAndLeavesNoOrphans() {
        CurrentUser admin = accounts.admin();
        long from = topics.create("Merge from");
        long into = topics.create("Merge into");
        long both = profileId(accounts.source());
        long onlyFrom = profileId(accounts.source());
        subscriptions.subscribe(both, Set.of(from, into));
        subscriptions.subscribe(onlyFrom, Set.of(from));
        long alert = alerts.addAlert(onlyFrom, "heat pumps", Set.of(from));

        assertThat(mvc.post().uri("/admin/topics/" + from + "/merge").with(csrf()).with(as(admin))
                .param("into", String.valueOf(into))).hasRedirectedUrl("/admin/topics");

        assertThat(subscriptions.subscribedTopicIds(both)).containsExactly(into);
        assertThat(subscriptions.subscribedTopicIds(onlyFrom)).containsExactly(into);
        assertThat(jdbc.sql("select count(*) from topic_subscription where topic_id = :from").param("from", from)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select topic_id from keyword_alert_topic where alert_id = :alert").param("alert", alert)
                .query(Long.class).list()).containsExactly(into);
        assertThat(mvc.get().uri("/admin/topics").with(as(admin))).hasStatusOk();
        assertThat(subscriptions.subscribersPerTopic()).containsEntry(into, 2L).doesNotContainKey(from);
    }

    @Test
    void aSourceAddsAndDeletesKeywordAlertsLimitedToTopics() {
        CurrentUser source = accounts.source();
        long finance = topic("Business & Finance");

        assertThat(mvc.get().uri("/profile/alerts").with(as(source))).hasStatusOk().bodyText().contains("No alerts yet.");
        assertThat(mvc.post().uri("/profile/alerts").with(csrf()).with(as(source)).param("phrase", "  Open   Banking ")
                .param("topicIds", String.valueOf(finance))).hasRedirectedUrl("/profile/alerts");
        assertThat(mvc.post().uri("/profile/alerts").with(csrf()).with(as(source)).param("phrase", "sleep apnea"))
                .hasRedirectedUrl("/profile/alerts");
        assertThat(mvc.get().uri("/profile/alerts").with(as(source))).hasStatusOk().bodyText()
                .contains("Open Banking").contains("only in Business &amp; Finance").contains("in every topic");

        long profile = profileId(source);
        assertThat(jdbc.sql("select lexemes::text from keyword_alert where source_id = :id and phrase = 'Open Banking'")
                .param("id", profile).query(String.class).single()).isEqualTo("{bank,open}");
        long alert = alerts.alerts(profile).get(0).id();
        assertThat(mvc.post().uri("/profile/alerts/" + alert + "/delete").with(csrf()).with(as(source)))
                .hasRedirectedUrl("/profile/alerts");
        assertThat(alerts.alerts(profile)).hasSize(1);
    }

    @Test
    void badAlertsAreRefusedWithAMessage() {
        CurrentUser source = accounts.source();
        long profile = profileId(source);
        alerts.addAlert(profile, "open banking", Set.of());

        assertThat(alert(source, "")).contains("Enter a word or phrase");
        assertThat(alert(source, "x")).contains("Use 2 to 60 characters.");
        assertThat(alert(source, "y".repeat(61))).contains("Use 2 to 60 characters.");
        assertThat(alert(source, "OPEN banking")).contains("You already have an alert for");
        assertThat(alert(source, "the and of")).contains("has only very common words");
        assertThat(mvc.post().uri("/profile/alerts").with(csrf()).with(as(source)).param("phrase", "solar")
                .param("topicIds", "999999")).hasStatusOk().bodyText().contains("no longer offered");
        assertThat(mvc.post().uri("/profile/alerts").with(csrf()).with(as(source)).param("phrase", "solar")
                .param("topicIds", "abc")).hasStatusOk().bodyText().contains("Choose topics from the list.");
        assertThat(alerts.alerts(profile)).hasSize(1);
    }

    @Test
    void aSourceCannotKeepMoreAlertsThanTheLimit() {
        CurrentUser source = accounts.source();
        long profile = profileId(source);
        for (int i = 0; i < alerts.maxKeywordAlerts(); i++) {
            alerts.addAlert(profile, "subject number " + (char) ('a' + i) + "x", Set.of());
        }
        assertThat(alert(source, "one more")).contains("the most you can keep");
        assertThat(alerts.alerts(profile)).hasSize(alerts.maxKeywordAlerts());
    }

    @Test
    void twelveConcurrentAlertAddsKeepTheLimitOfTen() throws Exception {
        assertThat(alerts.maxKeywordAlerts()).isEqualTo(10);
        CurrentUser source = accounts.source();
        long profile = profileId(source);

        List<MvcTestResult> adds = Concurrently.run(12, n -> mvc.post().uri("/profile/alerts").with(csrf())
                .with(as(source)).param("phrase", "subject number " + (char) ('a' + n) + "x").exchange());

        assertThat(adds.stream().map(Concurrently::outcome)).containsOnly("302", "200");
        List<MvcTestResult> refused = adds.stream().filter(add -> add.getResponse().getStatus() == 200).toList();
        assertThat(refused).hasSize(2).allSatisfy(add -> assertThat(add).bodyText().contains("the most you can keep"));
        assertThat(alerts.alerts(profile)).hasSize(10);
    }

    @Test
    void anotherSourceCannotDeleteMyAlert() {
        CurrentUser mine = accounts.source();
        long alert = alerts.addAlert(profileId(mine), "heat pumps", Set.of());
        CurrentUser other = accounts.source();

        assertThat(mvc.post().uri("/profile/alerts/" + alert + "/delete").with(csrf()).with(as(other)))
                .hasRedirectedUrl("/profile/alerts");
        assertThat(alerts.alerts(profileId(mine))).hasSize(1);
        assertThat(mvc.get().uri("/profile/alerts").with(as(other))).hasStatusOk().bodyText().doesNotContain("heat pumps");
    }

    private String alert(CurrentUser source, String phrase) {
        var result = mvc.post().uri("/profile/alerts").with(csrf()).with(as(source)).param("phrase", phrase).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long profileId(CurrentUser source) {
        return sourceManagement.ensureProfile(accountManagement.find(source.id()).orElseThrow()).id();
    }

    private long topic(String name) {
        return jdbc.sql("select id from topic where name = :name").param("name", name).query(Long.class).single();
    }
}
