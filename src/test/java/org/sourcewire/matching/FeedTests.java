package org.sourcewire.matching;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.queries.QueryMother;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class FeedTests extends IntegrationTest {

    @Autowired
    org.sourcewire.outlets.TestOutlets outlets;

    @Test
    void listsOpenMatchedQueriesSoonestDeadlineFirstTwentyAPage() {
        long topic = sources.newTopic("Paging");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        CurrentUser journalist = accounts.journalist();
        for (int i = 0; i < 21; i++) {
            // Published in reverse deadline order, so the feed's order cannot come from insertion order.
            sources.publish(journalist, topic, "headline", "Paging query %02d".formatted(i),
                    "deadline", QueryMother.deadlineInHours(60 - i));
        }

        String first = body(source, "/feed");
        List<String> headlines = headlines(first);
        assertThat(headlines).hasSize(20);
        assertThat(headlines.get(0)).isEqualTo("Paging query 20");
        assertThat(headlines.get(19)).isEqualTo("Paging query 01");
        assertThat(first).contains("Page 1 of 2").contains("Your topic: " + sources.topicName(topic))
                .contains("closes in 40 h").contains("New York (UTC-0").doesNotContain("America/New York");
        assertThat(headlines(body(source, "/feed?page=1"))).containsExactly("Paging query 00");
    }

    @Test
    void showsWhyAQueryMatchedAndFiltersByTopic() {
        long sleep = sources.newTopic("Sleep");
        long money = sources.newTopic("Money");
        CurrentUser source = accounts.source();
        long profile = sources.profile(source, "Asia/Tokyo");
        sources.subscribe(profile, sleep);
        sources.alert(profile, "budget");
        CurrentUser journalist = accounts.journalist();
        long sleepQuery = sources.publish(journalist, sleep, "headline", "Night shifts and sleep");
        long moneyQuery = sources.publish(journalist, money, "headline", "How founders budget for AI");
        sources.publish(journalist, money, "headline", "Unrelated money question");

        String all = body(source, "/feed");
        assertThat(headlines(all)).containsExactlyInAnyOrder("Night shifts and sleep", "How founders budget for AI");
        assertThat(all).contains("Your alert: \u201cbudget\u201d").contains("Tokyo (UTC+09:00)")
                .contains("/queries/" + sleepQuery).contains("/queries/" + moneyQuery);
        assertThat(headlines(body(source, "/feed?topic=" + money))).containsExactly("How founders budget for AI");
        assertThat(headlines(body(source, "/feed?topic=" + sleep))).containsExactly("Night shifts and sleep");
    }

    @Test
    void aClosedQueryDropsOutAndALateSubscriberSeesOpenOnes() {
        long topic = sources.newTopic("Late");
        CurrentUser journalist = accounts.journalist();
        long open = sources.publish(journalist, topic, "headline", "Still open");
        long closed = sources.publish(journalist, topic, "headline", "Closed early");
        assertThat(mvc.post().uri("/queries/" + closed + "/close").with(csrf()).with(as(journalist)))
                .hasRedirectedUrl("/queries/" + closed);

        CurrentUser late = accounts.source();
        long profile = sources.profile(late);
        assertThat(headlines(body(late, "/feed"))).isEmpty();
        sources.subscribe(profile, topic);

        assertThat(headlines(body(late, "/feed"))).containsExactly("Still open");
        assertThat(body(late, "/feed")).contains("/queries/" + open);
    }

    @Test
    void anAnonymousQueryNeverShowsItsJournalist() {
        long topic = sources.newTopic("Anonymous");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source), topic);
        // Anonymous queries need an outlet verified through the registry.
        outlets.confirmed("Hidden Outlet Weekly", "hidden-outlet.example");
        String email = TestAccounts.uniqueEmail("secret").replace("@example.com", "@hidden-outlet.example");
        CurrentUser journalist = accounts.create(new SignUp("Secret Journalist", email, TestAccounts.PASSWORD,
                Role.JOURNALIST, "Hidden Outlet Weekly", "https://www.hidden-outlet.example"), true);
        sources.publish(journalist, topic, "headline", "Anonymous question", "anonymous", "true",
                "mediaType", "PODCAST", "outletName", "Hidden Outlet Weekly",
                "outletUrl", "https://www.hidden-outlet.example");

        String feed = body(source, "/feed");
        assertThat(feed).contains("Anonymous question").contains("Anonymous — Podcast")
                .doesNotContain("Secret Journalist").doesNotContain("Hidden Outlet").doesNotContain("hidden-outlet")
                .doesNotContain(email);
    }

    @Test
    void anEmptyFeedSaysWhatToDoNext() {
        CurrentUser source = accounts.source();
        sources.profile(source);
        assertThat(body(source, "/feed")).contains("No open queries for you yet")
                .contains("href=\"/profile/topics\"").contains("href=\"/profile/alerts\"");
    }

    @Test
    void onlySourcesHaveAFeed() {
        assertThat(mvc.get().uri("/feed").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(mvc.get().uri("/feed").with(as(accounts.admin()))).hasStatus(403);
        assertThat(mvc.get().uri("/feed")).hasStatus3xxRedirection().redirectedUrl().contains("/login");
    }

    private String body(CurrentUser user, String path) {
        var result = mvc.get().uri(path).with(as(user)).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The headlines of the feed, in page order. */
    private static List<String> headlines(String html) {
        Matcher matcher = Pattern.compile("class=\"list-group-item[^\"]*feed-item\"[^>]*>\\s*<div[^>]*>\\s*<strong>([^<]*)</strong>")
                .matcher(html);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
