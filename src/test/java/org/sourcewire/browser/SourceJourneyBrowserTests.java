package org.sourcewire.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.digests.DigestEditions;
import org.sourcewire.digests.OwnDigestEditions;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.queries.QueryMother;
import org.sourcewire.sources.TestImages;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Issue 7, journey 2: an expert from sign-up to a used pitch, with the digest mail on the way. The journalist's side is
 * played through the same HTTP endpoints the journalist's browser uses (journey 1 drives it in a browser).
 */
@ExtendWith(OwnDigestEditions.class)
class SourceJourneyBrowserTests extends BrowserJourney {

    static final String ZONE = "Europe/Madrid";
    static final String HEADLINE = "Sleep doctors: what helps shift workers after a run of nights?";

    @Autowired
    DigestEditions editions;

    @Test
    void anExpertSignsUpFollowsTopicsGetsTheDigestPitchesAndSeesThePitchUsed() throws Exception {
        String email = TestAccounts.uniqueEmail("priya.raman");
        long sleep = sources.newTopic("Sleep science");
        long nursing = sources.newTopic("Nursing");
        CurrentUser journalist = accounts.journalist();
        browser.timeZone(ZONE);

        // Sign up as an expert, confirm the address by the mail's link, and log in right there.
        browser.visit("/").clickLink("I'm an expert");
        browser.fillIn("Full name", "Priya Raman").fillIn("E-mail address", email)
                .fillIn("Password", "a long enough secret").press("Create account");
        assertThat(browser.heading()).isEqualTo("Check your e-mail");
        mailbox.deliver();
        browser.visit(Mailbox.link(only(mailbox.receivedBy(email)), "/verify-email?token="));
        assertThat(browser.heading()).isEqualTo("Your e-mail address is confirmed");
        assertThat(browser.field("E-mail address").getAttribute("value")).isEqualTo(email);
        browser.fillIn("Password", "a long enough secret").press("Log in");
        assertThat(browser.path()).isEqualTo("/dashboard");

        // The profile, with a headshot; a bad web address and a file that is no picture are refused beside the field.
        browser.visit("/dashboard").clickLink("Your profile");
        assertThat(browser.heading()).isEqualTo("Your expert profile");
        browser.fillIn("Name", "Dr. Priya Raman").fillIn("Title", "Sleep physician")
                .fillIn("Company or organisation", "Riverside Sleep Clinic")
                .fillIn("Short bio", "I run a sleep clinic for night-shift nurses and research rotating rosters.")
                .fillIn("Website", "not a website");
        assertThat(new Select(browser.field("Your time zone")).getFirstSelectedOption().getAttribute("value"))
                .as("a new profile starts in the browser's zone").isEqualTo(ZONE);
        // The filter box timezone.js puts above the list (labelled "Filter the time zones" for screen readers).
        browser.field("Your time zone").findElement(By.xpath("preceding-sibling::input[@aria-label='Filter the time zones']"))
                .sendKeys("spain");
        assertThat(new Select(browser.field("Your time zone")).getOptions()).extracting(option -> option.getAttribute("value"))
                .as("the filter keeps the zones that say Spain").containsExactlyInAnyOrder("Africa/Ceuta", "Atlantic/Canary", ZONE,
                        "America/Port_of_Spain");
        new Select(browser.field("Your time zone")).selectByValue(ZONE);
        browser.press("Save profile");
        assertThat(browser.messageFor("Website")).contains("Enter a full web address");
        browser.fillIn("Website", "https://sleepclinic.example").fillIn("Areas of expertise", "sleep medicine, shift work")
                .press("Save profile");
        assertThat(browser.text()).contains("Your profile is saved.");
        Path notAPicture = Files.createTempFile("headshot", ".jpg");
        Files.writeString(notAPicture, "not a picture");
        browser.attach("Upload a photo", notAPicture).press("Upload headshot");
        assertThat(browser.messageFor("Upload a photo")).contains("not a JPEG, PNG or WebP picture");
        Path photo = Files.createTempFile("headshot", ".png");
        Files.write(photo, TestImages.png(600, 600));
        browser.attach("Upload a photo", photo).press("Upload headshot");
        assertThat(browser.text()).contains("Your headshot is updated.");
        browser.screenshot("journey-source-profile");
        browser.clickLink("Public page ↗");
        assertThat(browser.heading()).isEqualTo("Dr. Priya Raman");
        assertThat(browser.text()).contains("Sleep physician, Riverside Sleep Clinic").contains("sleep medicine")
                .doesNotContain(email).doesNotContain(ZONE);
        browser.screenshot("journey-source-public-profile");
        browser.visit("/profile");

        // Two topics and one keyword alert.
        browser.clickLink("Topics");
        browser.choose(sources.topicName(sleep)).choose(sources.topicName(nursing)).press("Save topics");
        assertThat(browser.text()).contains("Your topics are saved.");
        browser.clickLink("Keyword alerts");
        browser.fillIn("Word or phrase", "melatonin").press("Add alert");
        assertThat(browser.text()).contains("Alert added");

        // A journalist's query reaches the feed and the next digest.
        long query = sources.publish(journalist, sleep, "headline", HEADLINE, "deadline", QueryMother.deadlineInHours(25 * 24));
        browser.clickLink("Feed");
        assertThat(browser.text()).contains(HEADLINE).contains("Jane Journalist");
        browser.screenshot("journey-source-feed");
        browser.resize(375, 812);
        browser.screenshot("journey-source-feed-phone");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);

        // A Tuesday morning no other test uses for Madrid's (or Berlin's, or Paris's) edition.
        editions.runDue(morningEdition(ZONE, 15));
        mailbox.deliver();
        MimeMessage digest = mailbox.receivedBy(email).stream()
                .filter(mail -> Mailbox.text(mail).contains(HEADLINE)).findFirst().orElseThrow();
        String unsubscribe = Mailbox.link(digest, "/digests/unsubscribe?token=");

        // Pitch, with the pre-flight checks shown while typing.
        browser.visit("/queries/" + query).clickLink("Pitch this query");
        // Her own answers: not PitchMother's pitch in other words, which other tests send from other sources and which
        // screening would rightly read as a template here.
        browser.fillIn("1. What is the biggest mistake shift workers make?",
                "Daylight on the drive home. In our 2025 audit at Riverside Sleep Clinic, 38 of 52 paramedics who wore "
                        + "amber glasses on the way home fell asleep within 20 minutes; without them it took most of an hour.")
                .fillIn("2. Does melatonin help?", "Rarely on its own. I prescribe it to perhaps one patient in ten, and "
                        + "only with blackout blinds and a fixed bedtime.")
                .fillIn("3. What should employers do?", "Put a 30-minute protected nap into every 12-hour night; "
                        + "Harbour Ambulance Trust did so in March and its night-time vehicle incidents halved by June.");
        browser.waitUntilText("Looks good");
        assertThat(browser.text()).doesNotContain("would be flagged");
        browser.screenshot("journey-source-pitch-form");
        browser.press("Send pitch");
        assertThat(browser.text()).contains("Your pitch is sent");
        String pitch = browser.path();
        assertThat(statusInYourPitches()).isEqualTo("Submitted");

        // The journalist opens it, shortlists it, asks a question and uses it: the source sees each step.
        assertThat(mvc.get().uri(pitch).with(as(journalist))).hasStatusOk();
        assertThat(statusInYourPitches()).isEqualTo("Viewed");
        journalistDoes(journalist, pitch + "/shortlist");
        undoWindowPasses();
        assertThat(statusInYourPitches()).isEqualTo("Shortlisted");
        assertThat(mvc.post().uri(pitch + "/messages").param("body", "Which study shows the split-sleep effect?")
                .with(csrf()).with(as(journalist))).hasStatus3xxRedirection();
        browser.visit(pitch);
        browser.fillIn("Reply to the journalist", "The 2023 roster trial at our clinic; I can send you the paper.")
                .press("Send message");
        assertThat(browser.text()).contains("Which study shows the split-sleep effect?")
                .contains("The 2023 roster trial at our clinic");
        assertThat(mvc.post().uri(pitch + "/use").param("articleUrl", "https://ledger.example/split-sleep")
                .param("back", "detail").with(csrf()).with(as(journalist))).hasStatus3xxRedirection();
        assertThat(statusInYourPitches()).isEqualTo("Used");
        browser.visit(pitch);
        browser.waitUntilText("The article");
        assertThat(browser.text()).contains("The journalist used your pitch in https://ledger.example/split-sleep")
                .contains("Opened by the journalist").contains("Shortlisted")
                .doesNotContain("The journalist opened your pitch");
        browser.screenshot("journey-source-pitch-used");
        browser.resize(375, 812);
        browser.screenshot("journey-source-pitch-used-phone");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);

        // One click in the digest mail unsubscribes (after a confirmation, as mail scanners follow links).
        browser.press("Log out");
        browser.visit(unsubscribe);
        browser.press("Unsubscribe");
        assertThat(browser.heading()).isEqualTo("You are unsubscribed");
        logIn(email, "a long enough secret");
        browser.visit("/digests/settings");
        assertThat(browser.field("Morning edition").isSelected()).isFalse();
    }

    private String statusInYourPitches() {
        browser.visit("/pitches");
        return browser.text().lines().filter(line -> line.contains(HEADLINE)).findFirst().orElse("")
                .replaceAll(".*(Submitted|Viewed|Shortlisted|Declined|Used).*", "$1");
    }

    private void journalistDoes(CurrentUser journalist, String action) {
        assertThat(mvc.post().uri(action).param("back", "detail").with(csrf()).with(as(journalist))).hasStatus3xxRedirection();
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
