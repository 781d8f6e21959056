package org.sourcewire.browser;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.placements.ArticleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A journalist who promised a followed link marks a pitch used with the article's address; Sourcewire reads the
 * article (served by a local web server) and both sides see the link found beside the promise: a nofollow link, not
 * as promised; then the source's figures count the placement by that link.
 */
class PlacementJourneyBrowserTests extends BrowserJourney {

    @Test
    void theSourceSeesTheLinkFoundBesideTheLinkPromised() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        jdbc.sql("update journalist_query set link_policy = 'FOLLOWED' where id = :id").param("id", query).update();
        String name = "Mara Okafor " + UUID.randomUUID().toString().substring(0, 4);
        CurrentUser source = accounts.source(name, TestAccounts.uniqueEmail("mara"));
        String pitch = TestPitches.sent(mvc, source, query);

        try (ArticleServer server = new ArticleServer()) {
            jdbc.sql("update source_profile set company = 'Okafor Sleep Clinic', website = :site where account_id = :id")
                    .param("site", server.site() + "/").param("id", source.id()).update();
            String article = server.page("/health/split-sleep", "Night nurses and the split-sleep roster", """
                    <p>“It helps,” said %s of <a rel="nofollow" href="%s/">Okafor Sleep Clinic</a>.</p>"""
                    .formatted(name, server.site()));

            logIn(journalist.email());
            browser.visit(pitch);
            browser.fillIn("Article URL for the pitch from " + name + " (optional)", article)
                    .press("Mark as used: the pitch from " + name);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    select count(*) from placement pl join pitch p on p.id = pl.pitch_id
                    where p.public_id = :id and pl.checked_at is not null""")
                    .param("id", UUID.fromString(pitch.substring("/pitches/".length()))).query(Integer.class).single() == 1);
            browser.visit(pitch);
            browser.waitUntilText("Promised: followed link · found: nofollow link");
            assertThat(browser.text()).contains("Night nurses and the split-sleep roster").contains("not as promised")
                    .contains("Nofollow link with anchor text “Okafor Sleep Clinic” to");
            browser.script("document.getElementById('placement').scrollIntoView()");
            browser.screenshot("placement-journalist");
            browser.press("Log out");

            logIn(source.email());
            browser.visit(pitch);
            browser.waitUntilText("Promised: followed link · found: nofollow link");
            assertThat(browser.text()).contains("Your name or company is mentioned.")
                    .contains("you get an e-mail if your link appears, changes or goes");
            browser.checkAccessibility("placement on the source's pitch page");
            browser.script("document.getElementById('placement').scrollIntoView()");
            browser.screenshot("placement-source");
            browser.resize(375, 800);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("placement-source-phone");
            browser.resize(1280, 800);

            // The source's figures count the placement by the link found, in the chart and in its table.
            browser.visit("/dashboard").clickLink("Your pitches in figures");
            browser.waitUntil("return !!window.Chart && !!Chart.getChart(document.getElementById('chart-placements'))", 5);
            browser.script("document.querySelector('[data-table=chart-placements]').closest('details').open = true");
            Object row = browser.script("""
                    var rows = document.querySelectorAll('[data-table=chart-placements] tbody tr');
                    for (var r of rows) { if (r.querySelector('th').textContent.trim() === 'nofollow link')
                        return r.querySelector('td').textContent.trim(); }
                    return null;""");
            assertThat(row).isEqualTo("1");
            assertThat(browser.text()).contains("Placements by link type");
            browser.screenshot("placement-source-dashboard");
        }
    }
}
