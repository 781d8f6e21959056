package org.sourcewire.browser;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.dashboards.DashboardRows;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, the dashboards: a source reads their figures (charts drawn, the numbers in tables), a journalist a
 * query's statistics, and anyone the transparency page; on a desktop and on a 375 px phone, each checked by axe-core.
 */
class DashboardJourneyBrowserTests extends BrowserJourney {

    @Autowired
    DashboardRows rows;

    @Test
    void theSourceTheJournalistAndAnyoneReadTheirFigures() {
        String sourceEmail = TestAccounts.uniqueEmail("dana.reyes");
        CurrentUser source = accounts.source("Dana Reyes", sourceEmail);
        long profile = sources.profile(source);
        String journalistEmail = TestAccounts.uniqueEmail("maria.lopez");
        CurrentUser journalist = accounts.create(new SignUp("Maria Lopez", journalistEmail, TestAccounts.PASSWORD,
                Role.JOURNALIST, "The Ledger", "https://ledger.example"), true);
        long topic = sources.newTopic("Sleep science");
        Instant now = clock.instant();
        long query = 0;
        // Three pitches over the last months, one of them used with a followed link.
        for (int i = 0; i < 3; i++) {
            Instant published = DashboardRows.midMonth(now, java.time.ZoneId.of("America/New_York"), 2 - i);
            if (published.isAfter(now)) {
                published = now.minus(Duration.ofHours(3));
            }
            query = rows.query(journalist.id(), topic, "Night shifts and sleep, part " + (i + 1), published);
            long pitch = rows.pitch(query, profile, i == 1 ? "USED" : "SUBMITTED", false,
                    published.plus(Duration.ofMinutes(45)), i == 1 ? published.plus(Duration.ofHours(2)) : null);
            if (i == 1) {
                rows.change(pitch, "USED", published.plus(Duration.ofHours(5)));
                rows.placement(pitch, "CONFIRMED", "FOLLOWED", true, published.plus(Duration.ofHours(6)));
            }
        }

        logIn(sourceEmail);
        browser.clickLink("Dashboard").clickLink("Your pitches in figures");
        assertThat(browser.heading()).isEqualTo("Your pitches in figures");
        browser.waitUntil("return !!window.Chart && !!Chart.getChart(document.getElementById('chart-activity'))"
                + " && !!Chart.getChart(document.getElementById('chart-placements'))", 5);
        assertThat(browser.text()).contains("33.3 %").contains("too few pitches yet (3)");
        browser.screenshot("dashboard-source");
        // The table of a chart opens from the keyboard.
        browser.script("document.querySelector('details.chart-table summary').focus()");
        browser.keys(org.openqa.selenium.Keys.ENTER);
        assertThat((Boolean) browser.script("return document.querySelector('details.chart-table').open")).isTrue();
        browser.script("document.querySelector('#topics-heading').scrollIntoView()");
        browser.screenshot("dashboard-source-topics");
        browser.resize(375, 812);
        browser.screenshot("dashboard-source-phone");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);
        browser.press("Log out");

        logIn(journalistEmail);
        browser.visit("/queries/" + query);
        browser.waitUntilText("Pitches received");
        browser.screenshot("dashboard-query-statistics");
        browser.press("Log out");

        browser.clickLink("Transparency");
        assertThat(browser.heading()).isEqualTo("Transparency");
        browser.waitUntil("return !!window.Chart && !!Chart.getChart(document.getElementById('chart-queries'))", 5);
        assertThat(browser.text()).contains("Queries published").contains("Screened out");
        browser.screenshot("transparency");
        browser.resize(375, 812);
        browser.screenshot("transparency-phone");
        assertThat(browser.horizontalOverflow()).isZero();
    }
}
