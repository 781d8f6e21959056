package org.sourcewire.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An expert lists themselves in the directory from their profile; a journalist finds them by what they know and a
 * verification level, and opens their public page, which carries what search engines read.
 */
class DirectoryJourneyBrowserTests extends BrowserJourney {

    @Autowired
    Verifications verifications;

    @Test
    void aJournalistFindsAListedExpertInTheDirectoryAndOpensTheirProfile() {
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String name = "Dr. Amara Osei " + word.substring(2, 6);
        CurrentUser expert = accounts.source(name, TestAccounts.uniqueEmail("amara"));
        CurrentUser unlisted = accounts.source("Ola Unlisted " + word.substring(2, 6), TestAccounts.uniqueEmail("ola"));

        logIn(expert.email());
        browser.visit("/profile");
        jdbc.sql("update source_profile set title = 'Epidemiologist', company = 'Coastal Health Institute',"
                        + " bio = 'I study how heatwaves change hospital admissions in coastal cities.', region = 'Ghana',"
                        + " expertise = array['heat illness', 'public health', :word] where account_id = :id")
                .param("word", word).param("id", expert.id()).update();
        verifications.record(expert.id(), VerificationKind.WEBSITE_OWNERSHIP, "coastal.example", true, "meta tag");
        browser.press("List me in the directory");
        assertThat(browser.text()).contains("You are listed in the expert directory");
        browser.press("Log out");
        logIn(unlisted.email());
        browser.visit("/profile");
        jdbc.sql("update source_profile set expertise = array['heat illness', :word] where account_id = :id")
                .param("word", word).param("id", unlisted.id()).update();
        browser.press("Log out");

        CurrentUser journalist = accounts.journalist();
        logIn(journalist.email());
        browser.clickLink("Find experts");
        assertThat(browser.heading()).isEqualTo("Find experts");
        browser.fillIn("Words", "heatwave " + word).select("Verified", "Website proven or more").press("Search");

        assertThat(browser.text()).contains(name).contains("Epidemiologist, Coastal Health Institute")
                .contains("Serves Ghana").contains("Website proven").doesNotContain("Ola Unlisted");
        browser.screenshot("directory-results");
        browser.resize(375, 800);
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0);
        browser.script("document.querySelector('.directory-results').scrollIntoView({behavior: 'instant'})");
        browser.screenshot("directory-results-phone");
        browser.resize(1280, 900);

        browser.clickLink(name);
        assertThat(browser.path()).startsWith("/experts/");
        assertThat(browser.heading()).isEqualTo(name);
        assertThat(browser.script("return document.querySelector('meta[name=description]').content")).asString()
                .startsWith(name + ", Epidemiologist, Coastal Health Institute. I study how heatwaves");
        assertThat(browser.script("return document.querySelector('link[rel=canonical]').href")).asString()
                .endsWith(browser.path());
        browser.screenshot("directory-expert-profile");
    }
}
