package org.sourcewire.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.TestScreening;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A journalist meets an agency's template, reworded for three experts, as one inbox entry and opens it. */
class ClusterJourneyBrowserTests extends BrowserJourney {

    /** One agency's template with other names and a few other words, three times. */
    private static final List<List<String>> REWORDED = List.of(
            List.of("I'm reaching out on behalf of Dr. Lena Hart, a paediatric dentist and a nationally recognised voice "
                            + "on children's teeth, who would bring real value to your story.",
                    "Dr. Hart can speak to why preventive care matters more than ever for families, the trends reshaping "
                            + "dentistry, and what parents should keep in mind.",
                    "She is available for a phone or Zoom conversation before your deadline, and I'm happy to send over "
                            + "her bio and headshot right away."),
            List.of("I'm writing on behalf of Dr. Omar Reyes, a paediatric dentist and a nationally recognised voice on "
                            + "children's teeth, who would bring real value to your article.",
                    "Dr. Reyes can speak to why preventive care matters more than ever for families, the trends changing "
                            + "dentistry, and what parents should keep in mind.",
                    "He is available for a phone or video conversation before your deadline, and I'm glad to send over his "
                            + "bio and headshot right away."),
            List.of("I'm reaching out on behalf of Dr. Ada Novak, a paediatric dentist and a nationally known voice on "
                            + "children's teeth, who would bring real value to your piece.",
                    "Dr. Novak can talk about why preventive care matters more than ever for families, the trends "
                            + "reshaping dentistry, and what parents should keep in mind.",
                    "She is available for a phone or Zoom call before your deadline, and I'm happy to send over her bio "
                            + "and headshot straight away."));

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    PitchManagement pitches;

    @Test
    void aRewordedTemplateIsOneEntryThatOpensOut() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).about("What it costs to keep a child's teeth healthy",
                List.of("What does a year of routine dental care cost for a child in your area?",
                        "Are sealants, fluoride varnish and silver diamine fluoride worth paying for?",
                        "What can families without dental cover do to pay less?"),
                "Dentists, hygienists or dental office managers, with real prices", "Biotech & Healthcare").publish();
        send(query, List.of("We pay $260 a year per child at our Tacoma practice for two cleanings, exams and X-rays; "
                        + "a single filling adds $180, which is what pushes most bills up.",
                "Sealants yes: $45 a tooth here and they last about nine years. Varnish is $30 and worth it for kids "
                        + "with past cavities; silver diamine fluoride at $60 is how we stop decay in toddlers without drills.",
                "Washington's Apple Health covers children fully; families without cover can use the UW dental school "
                        + "clinic, where our students charge about half our fees."));
        for (List<String> answers : REWORDED) {
            send(query, answers);
        }

        logIn(journalist.email());
        browser.visit("/queries/" + query + "/pitches");
        assertThat(browser.text()).contains("+2 similar");
        assertThat(browser.script("return document.querySelectorAll('[data-pitch-row]').length")).as("the expert, then the template once")
                .isEqualTo(2L);
        assertThat(browser.script("return document.querySelector('[data-pitch-row]').textContent.includes('flagged')"))
                .as("the expert's pitch first, not flagged").isEqualTo(false);
        browser.keys("j");
        browser.waitUntilText("Tacoma practice");
        browser.checkAccessibility("inbox with a cluster");
        browser.screenshot("inbox-cluster");

        // The template, declined at once, then taken back.
        browser.script("document.querySelector('.row-similar summary').click()");
        browser.press("Decline all 3");
        assertThat(browser.text()).contains("Declined 3 similar pitches.").contains("Declined (3)");
        browser.screenshot("inbox-cluster-declined");
        browser.press("Undo");
        assertThat(browser.text()).contains("Undone: 3 pitches are as they were.").contains("Declined (0)");

        browser.script("document.querySelector('.row-similar summary').click()");
        browser.clickLink("Show all 3");
        assertThat(browser.text()).contains("These 3 pitches from different sources say nearly the same thing")
                .doesNotContain("Tacoma practice");
        assertThat(browser.script("return document.querySelectorAll('[data-pitch-row]').length")).isEqualTo(3L);
        browser.checkAccessibility("an opened cluster");
        browser.screenshot("inbox-cluster-opened");
        browser.clickLink("Back to all pitches");
        assertThat(browser.text()).contains("+2 similar");

        // A made-up cluster is a bad request with the site's error page, not a stack trace.
        browser.visit("/queries/" + query + "/pitches?similar=not-a-pitch");
        assertThat(browser.text()).doesNotContain("Exception").doesNotContain("Whitelabel");
        browser.visit("/queries/" + query + "/pitches?similar=" + UUID.randomUUID());
        assertThat(browser.text()).contains("No pitches");
    }

    private void send(long query, List<String> answers) {
        var source = accountManagement.find(accounts.source().id()).orElseThrow();
        UUID pitch = pitches.submit(source, query, answers, null, UUID.randomUUID());
        TestScreening.awaitScreened("/pitches/" + pitch);
    }
}
