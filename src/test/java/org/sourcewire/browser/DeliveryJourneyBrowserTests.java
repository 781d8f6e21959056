package org.sourcewire.browser;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.delivery.TestWebhooks;
import org.sourcewire.delivery.WebhookServer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source turns on a webhook from their feed, sends a test message, and the local chat server receives the next
 * query matched to them; the delivery page then shows it sent.
 */
class DeliveryJourneyBrowserTests extends BrowserJourney {

    @Autowired
    TestWebhooks webhooks;

    @Test
    void aSourceTurnsOnAWebhookAndTheChatReceivesANewMatch() throws Exception {
        long topic = sources.newTopic("Webhook journey");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);

        try (WebhookServer chat = new WebhookServer()) {
            logIn(source.email());
            browser.visit("/feed").clickLink("Feed reader, Slack, Teams");
            assertThat(browser.heading()).isEqualTo("Feed and webhook");
            browser.fillIn("Webhook address", "http://10.0.0.7/hook").press("Turn on the webhook");
            assertThat(browser.messageFor("Webhook address")).contains("private network");

            browser.fillIn("Webhook address", chat.address("/services/T000/B000/XXXX"))
                    .choose("Slack").press("Turn on the webhook");
            assertThat(browser.text()).contains("Your webhook is on");
            browser.press("Send a test message");
            assertThat(browser.text()).contains("Test message delivered (HTTP 200).");
            assertThat(chat.received()).singleElement().extracting(WebhookServer.Received::body).asString()
                    .contains("Sourcewire test message");

            sources.publish(accounts.journalist(), topic, "headline", "Do standing desks help back pain?");
            webhooks.run();
            assertThat(chat.received()).hasSize(2);
            assertThat(chat.received().get(1).body()).contains("Do standing desks help back pain?");

            browser.press("Create my private feed");
            assertThat(browser.field("Atom feed address").getAttribute("value")).contains("/feeds/").endsWith("/atom");
            String firstAddress = browser.field("Atom feed address").getAttribute("value");
            browser.pressAndConfirm("Make a new address");
            assertThat(browser.text()).contains("The old one no longer works.");
            assertThat(browser.field("Atom feed address").getAttribute("value")).isNotEqualTo(firstAddress);
            assertThat(browser.text()).contains("Latest webhook messages").contains("Do standing desks help back pain?")
                    .contains("Sent");
            browser.checkAccessibility("the source's feed and webhook page");
            browser.screenshot("delivery-source");
            browser.script("document.getElementById('webhook-heading').scrollIntoView()");
            browser.screenshot("delivery-source-webhook");
            browser.resize(375, 800);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("delivery-source-phone");
        }
    }
}
