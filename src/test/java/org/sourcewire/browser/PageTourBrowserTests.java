package org.sourcewire.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.Actor;
import org.sourcewire.queries.PitchRows;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.TestQueries;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page each role reaches from the navigation, photographed and checked with axe-core (see BrowserJourney). */
class PageTourBrowserTests extends BrowserJourney {

    @Autowired
    QueryManagement management;

    @Test
    void everyAdminPageIsAccessible() {
        CurrentUser admin = accounts.admin();
        logIn(admin.email());
        for (Map.Entry<String, String> page : Map.of("Review", "admin-review", "Reports", "admin-reports",
                "Filler phrases", "admin-boilerplate", "Accounts", "admin-accounts", "Topics", "admin-topics",
                "Audit log", "admin-audit", "Outbox", "admin-outbox").entrySet()) {
            browser.clickLink(page.getKey());
            assertThat(browser.text()).doesNotContain("went wrong");
            browser.screenshot(page.getValue());
        }
        browser.visit("/admin/strikes");
        browser.screenshot("admin-strikes");
        browser.clickLink("Accounts").clickLink("Pitch plans");
        browser.fillIn("Source e-mail address", "nobody@example.com").select("Plan", "Advanced").press("Assign plan");
        assertThat(browser.messageFor("Source e-mail address")).contains("No source has that e-mail address.");
        browser.screenshot("admin-plans");
    }

    @Test
    void everySourceAndJournalistPageIsAccessible() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();

        logIn(source.email());
        for (String page : new String[] { "Your pitches", "Standing" }) {
            browser.clickLink(page);
            browser.screenshot("source-" + page.toLowerCase().replace(' ', '-'));
        }
        browser.visit("/queries/" + query + "/pitch");
        browser.fillIn("1. What is the biggest mistake shift workers make about sleep?",
                "In today's fast-paced world I hope this email finds you well. See above.");
        browser.waitUntilText("would be flagged");
        browser.screenshot("pitch-preflight");
        browser.press("Log out");

        logIn(journalist.email());
        browser.clickLink("Your queries");
        browser.screenshot("journalist-queries");
        browser.visit("/queries/" + query + "/pitches");
        browser.screenshot("inbox-empty");
        browser.visit("/pitches/settings");
        browser.screenshot("pitch-settings");
    }

    @Test
    void theSourcesMainPagesWorkOnAPhone() {
        long query = queries.by(accounts.journalist()).publish();
        browser.resize(375, 812);
        logIn(accounts.source().email());
        browser.visit("/feed");
        browser.screenshot("phone-feed");
        assertThat(browser.horizontalOverflow()).as("the feed must not scroll sideways on a phone").isZero();
        browser.visit("/queries/" + query + "/pitch");
        browser.screenshot("phone-pitch-form");
        assertThat(browser.horizontalOverflow()).as("the pitch form must not scroll sideways on a phone").isZero();
    }

    @Test
    void theJournalistsMainPagesWorkOnAPhone() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        browser.resize(375, 812);
        logIn(journalist.email());
        browser.visit("/queries/" + query + "/pitches");
        browser.screenshot("phone-inbox");
        assertThat(browser.horizontalOverflow()).as("the inbox must not scroll sideways on a phone").isZero();
        browser.visit("/queries/new");
        browser.screenshot("phone-query-form");
        assertThat(browser.horizontalOverflow()).as("the query form must not scroll sideways on a phone").isZero();
    }

    @Test
    void theQueryListShowsEachQuerysPitchesOnAScreenAndOnAPhone() {
        CurrentUser journalist = accounts.journalist();
        long rejected = queries.by(journalist).about("Crypto tips for retirees", TestQueries.QUESTIONS, null, "General")
                .submit();
        management.reject(rejected, "Please name the outlet and the story.", Actor.system());
        long ended = queries.by(journalist).about("Heat pumps in old houses", TestQueries.QUESTIONS, null, "General")
                .publish();
        PitchRows.insert(jdbc, ended, "USED", "DECLINED", "DECLINED!", "SHORTLISTED");
        jdbc.sql("update journalist_query set status = 'CLOSED', closed_at = now() where id = :id").param("id", ended).update();
        queries.by(journalist).about("School meals and attention spans", TestQueries.QUESTIONS, null, "General").submit();
        long busy = queries.by(journalist).publish();
        List<Long> pitches = PitchRows.insert(jdbc, busy, "SUBMITTED", "SUBMITTED", "SUBMITTED!", "SUBMITTED", "VIEWED",
                "SHORTLISTED", "SHORTLISTED", "USED", "DECLINED!", "SUBMITTED", "SUBMITTED", "VIEWED");
        PitchRows.message(jdbc, pitches.get(4), true, "1 hour");
        queries.by(journalist).about("Sleep trackers: do they help?", TestQueries.QUESTIONS, null, "General").publish();

        logIn(journalist.email());
        browser.clickLink("Your queries");
        assertThat(browser.text()).contains("Waiting for review (1)").contains("6 new").contains("No pitches yet");
        browser.screenshot("journalist-queries-figures");
        browser.clickLink("6 new");
        assertThat(browser.path()).isEqualTo("/queries/" + busy + "/pitches");
        browser.visit("/queries?status=drafts");
        browser.screenshot("journalist-queries-empty-tab");
        browser.resize(375, 812);
        browser.visit("/queries");
        browser.screenshot("phone-journalist-queries");
        assertThat(browser.horizontalOverflow()).as("the query list must not scroll sideways on a phone").isZero();
    }
}
