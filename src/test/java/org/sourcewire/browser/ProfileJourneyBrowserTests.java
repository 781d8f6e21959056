package org.sourcewire.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.sources.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class ProfileJourneyBrowserTests extends BrowserJourney {

    @Test
    void aSourceFillsTheProfileChoosesTopicsAddsAnAlertAndReadsThePublicPage() throws Exception {
        CurrentUser source = accounts.source();
        logIn(source.email());

        browser.clickLink("Your profile");
        assertThat(browser.heading()).isEqualTo("Your expert profile");
        browser.fillIn("Name", "Dr. Sam Source")
                .fillIn("Title", "Sleep physician")
                .fillIn("Company or organisation", "Riverside Sleep Clinic")
                .fillIn("Short bio", "I treat shift workers and research rotating rosters.")
                .fillIn("Website", "not a website");
        browser.press("Save profile");
        assertThat(browser.messageFor("Website")).contains("Enter a full web address");
        browser.fillIn("Website", "https://sleepclinic.example")
                .fillIn("Areas of expertise", "sleep medicine, shift work")
                .fillIn("Region served", "United States")
                .select("Your time zone", "Europe/Berlin");
        browser.press("Save profile");
        assertThat(browser.text()).contains("Your profile is saved.");

        Path notAPicture = Files.createTempFile("headshot", ".jpg");
        Files.writeString(notAPicture, "not a picture");
        browser.attach("Upload a photo", notAPicture).press("Upload headshot");
        assertThat(browser.messageFor("Upload a photo")).contains("not a JPEG, PNG or WebP picture");
        Path photo = Files.createTempFile("headshot", ".png");
        Files.write(photo, TestImages.png(800, 600));
        browser.attach("Upload a photo", photo).press("Upload headshot");
        assertThat(browser.text()).contains("Your headshot is updated.");
        browser.screenshot("source-profile");

        browser.clickLink("Topics");
        browser.choose("Biotech & Healthcare").choose("Lifestyle & Fitness");
        browser.screenshot("source-topics");
        browser.press("Save topics");
        assertThat(browser.text()).contains("Your topics are saved.");

        browser.clickLink("Keyword alerts");
        assertThat(browser.text()).contains("No alerts yet.");
        browser.fillIn("Word or phrase", "sleep apnea").choose("Biotech & Healthcare");
        browser.press("Add alert");
        assertThat(browser.text()).contains("Alert added").contains("only in Biotech & Healthcare");
        browser.screenshot("source-alerts");

        browser.clickLink("Public page ↗");
        assertThat(browser.heading()).isEqualTo("Dr. Sam Source");
        assertThat(browser.text()).contains("Sleep physician, Riverside Sleep Clinic").contains("sleep medicine")
                .doesNotContain(source.email()).doesNotContain("Europe/Berlin");
        browser.screenshot("source-public-profile");
        browser.resize(375, 800);
        browser.screenshot("source-public-profile-phone");
    }
}
