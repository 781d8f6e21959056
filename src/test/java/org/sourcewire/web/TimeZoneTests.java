package org.sourcewire.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** One rule for time: every page shows dates in the viewer's zone (the profile's, else the browser's), named once. */
class TimeZoneTests extends IntegrationTest {

    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    @Test
    void aSourceSeesEveryDeadlineInTheProfilesZoneWhateverZoneTheBrowserIsIn() throws Exception {
        long topic = sources.newTopic("Zones");
        CurrentUser source = accounts.source();
        sources.subscribe(sources.profile(source, "America/New_York"), topic);
        long query = sources.publish(accounts.journalist(), topic, "headline", "Night owls and deadlines");
        Instant deadline = deadline(query);
        String inNewYork = DAY_AND_TIME.format(deadline.atZone(ZoneId.of("America/New_York")));
        String inTokyo = DAY_AND_TIME.format(deadline.atZone(ZoneId.of("Asia/Tokyo")));

        for (String path : new String[] { "/feed", "/queries/" + query }) {
            String page = page(source, path, "Asia%2FTokyo");
            assertThat(page).as(path).contains(inNewYork).doesNotContain(inTokyo);
            assertThat(occurrences(page, "New York")).as(path + " names the zone once").isEqualTo(1);
        }
    }

    @Test
    void aJournalistSeesDatesInTheBrowsersZoneNamedOncePerPage() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = sources.publish(journalist, sources.newTopic("Zones"), "headline", "Early birds");
        String inTokyo = DAY_AND_TIME.format(deadline(query).atZone(ZoneId.of("Asia/Tokyo")));

        for (String path : new String[] { "/queries", "/queries/" + query }) {
            String page = page(journalist, path, "Asia%2FTokyo");
            assertThat(page).as(path).contains(inTokyo).doesNotContain("JST");
            assertThat(occurrences(page, "Tokyo")).as(path + " names the zone once").isEqualTo(1);
            assertThat(page).contains("your browser");
        }
    }

    @Test
    void aBadZoneCookieIsIgnoredAndTheTimesSayUtc() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = sources.publish(journalist, sources.newTopic("Zones"), "headline", "Bad cookies");
        String inUtc = DAY_AND_TIME.format(deadline(query).atZone(ZoneId.of("UTC")));

        for (String cookie : new String[] { "Mars%2FOlympus", "%2F..%2F..", "x".repeat(200) }) {
            String page = page(journalist, "/queries/" + query, cookie);
            assertThat(Jsoup.parse(page).text()).contains(inUtc).contains("Times are in UTC");
        }
    }

    @Test
    void everyPageLoadsTheScriptThatTellsTheServerTheBrowsersZone() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().containsPattern("/assets/js/timezone[^\"]*\\.js");
        assertThat(mvc.get().uri("/assets/js/timezone.js")).hasStatusOk().bodyText()
                .contains("Intl.DateTimeFormat().resolvedOptions().timeZone");
    }

    private String page(CurrentUser viewer, String path, String zoneCookie) throws Exception {
        var response = mvc.get().uri(path).with(as(viewer)).cookie(new Cookie("tz", zoneCookie)).exchange().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private Instant deadline(long query) {
        return jdbc.sql("select deadline from journalist_query where id = :id").param("id", query)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private static int occurrences(String page, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(page);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
