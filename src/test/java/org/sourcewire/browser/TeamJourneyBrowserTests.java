package org.sourcewire.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency owner starts a team, an expert lets it manage their profile, the owner invites a member and gives them the
 * expert; the member pitches a matched query for the expert, and the journalist sees who wrote it and for whom.
 */
class TeamJourneyBrowserTests extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("(/teams/join\\?token=[A-Za-z0-9_-]+)");

    @Test
    void anOwnerInvitesAMemberWhoPitchesForAnExpertAndTheJournalistSeesWhoWroteIt() {
        long topic = sources.newTopic("Team journey");
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        CurrentUser expert = accounts.source("Dr. Xavier Expert", TestAccounts.uniqueEmail("expert"));
        CurrentUser member = accounts.source("Jane Roe", TestAccounts.uniqueEmail("member"));
        sources.subscribe(sources.profile(expert), topic);
        String expertName = "Expert " + expert.id();

        // The owner starts the team and asks the expert to let it manage their profile.
        logIn(owner.email());
        browser.clickLink("Team");
        assertThat(browser.heading()).isEqualTo("Team");
        browser.fillIn("Agency or team name", "Acme PR").press("Create team");
        assertThat(browser.text()).contains("Acme PR is ready.");
        browser.fillIn("E-mail address", expert.email()).choose("An expert").press("Send invitation");
        assertThat(browser.text()).contains("We sent " + expert.email() + " an invitation.");
        browser.press("Log out");

        logIn(expert.email());
        browser.visit(link(expert));
        browser.screenshot("team-invitation");
        browser.press("Accept");
        assertThat(browser.text()).contains("Acme PR now manages your profile");
        browser.press("Log out");

        // The owner invites a member; the Free plan's one seat is then taken, and the page says so.
        logIn(owner.email());
        browser.visit("/teams").fillIn("E-mail address", member.email()).choose("A member").press("Send invitation");
        browser.fillIn("E-mail address", TestAccounts.uniqueEmail("one-too-many")).choose("A member").press("Send invitation");
        browser.screenshot("team-over-plan");
        assertThat(browser.messageFor("E-mail address")).contains("Your Free plan has 1 seat besides yours");
        browser.press("Log out");

        logIn(member.email());
        browser.visit(link(member)).press("Accept");
        assertThat(browser.text()).contains("You are a member of Acme PR.");
        browser.press("Log out");

        logIn(owner.email());
        browser.visit("/teams").press("Give " + expertName + " to Jane Roe");
        assertThat(browser.text()).contains("Writes for " + expertName);
        browser.screenshot("team-owner");
        browser.resize(375, 812);
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);
        browser.press("Log out");

        // A query matches the expert; the member pitches it for them.
        CurrentUser journalist = accounts.journalist();
        long query = sources.publish(journalist, topic, "headline", "Night shifts: how do nurses sleep well?");
        logIn(member.email());
        browser.visit("/teams").clickLink("Pitch for " + expertName);
        assertThat(browser.text()).contains("Night shifts: how do nurses sleep well?");
        browser.clickLink("Pitch Night shifts: how do nurses sleep well? for " + expertName);
        assertThat(browser.text()).contains("The journalist sees: Written by Jane Roe of Acme PR for " + expertName);
        browser.fillIn("1. What is the biggest mistake shift workers make?",
                "They sleep in one long block after nights; an anchor sleep of four hours at a fixed time works better.")
                .fillIn("2. Does melatonin help?", "A low dose three hours before the planned sleep helps a little.");
        // The expert's own form's help: running word counts and the pre-flight tips, screened as the expert's pitch.
        browser.waitUntil("return !document.querySelector('#preflight').textContent.includes('Write your answers')", 10);
        assertThat(browser.text()).contains("Before you send").containsAnyOf("Looks good", "would be flagged")
                .contains("20 words", "12 words");
        browser.checkAccessibility("team pitch form");
        browser.screenshot("team-pitch-form");
        browser.press("Send pitch");
        assertThat(browser.text()).contains("Your pitch is sent for " + expertName);
        browser.press("Log out");

        // The journalist reads it: who wrote it, of which agency, for whom.
        logIn(journalist.email());
        browser.visit("/queries/" + query + "/pitches");
        browser.openRow(expertName);
        assertThat(browser.text()).contains("Written by Jane Roe of Acme PR for " + expertName);
        browser.screenshot("team-pitch-journalist");
    }

    @Test
    void anOwnerSetsUpAClientsProfileAndTheClientTakesItFromTheMailWithoutAnAccount() {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        String client = TestAccounts.uniqueEmail("client");

        logIn(owner.email());
        browser.clickLink("Team");
        browser.fillIn("Agency or team name", "Client PR").press("Create team");
        browser.fillIn("Client's name", "Dr. Clara Client").fillIn("Client's e-mail address", client)
                .fillIn("Title", "Sleep physician").fillIn("Company or organisation", "Night Clinic")
                .fillIn("Short bio", "Runs the night-shift sleep clinic at St. Mary's.")
                .press("Set up the profile and send it");
        assertThat(browser.text()).contains("We sent " + client + " an invitation.")
                .contains("as expert with the profile you set up (Dr. Clara Client)");
        browser.script("document.querySelector('form[action=\"/teams/invitations/profile\"]').scrollIntoView()");
        browser.screenshot("team-client-set-up");
        browser.press("Log out");

        // The client has no account: the mail's link opens the profile set up for them, without logging in.
        browser.visit(link(client));
        assertThat(browser.heading()).isEqualTo("Client PR set up your expert profile");
        browser.screenshot("team-client-profile");
        assertThat(browser.field("Name").getAttribute("value")).isEqualTo("Dr. Clara Client");
        assertThat(browser.field("Ask me to approve each pitch before it is sent").isSelected()).isTrue();
        browser.fillIn("Password", "violet anchor lantern").fillIn("Repeat the password", "violet anchor lantern");
        browser.script("window.scrollTo(0, document.body.scrollHeight)");
        browser.screenshot("team-client-profile-filled");
        browser.press("Create my profile and let Client PR pitch for me");
        assertThat(browser.path()).isEqualTo("/teams");
        assertThat(browser.text()).contains("Welcome to Sourcewire. Your profile is ready")
                .contains("Teams that manage your profile");
        browser.press("Log out");

        logIn(owner.email());
        browser.visit("/teams");
        assertThat(browser.text()).contains("Dr. Clara Client " + client)
                .contains("Approves each pitch before it is sent");
    }

    private String link(CurrentUser invited) {
        return link(invited.email());
    }

    private String link(String invited) {
        String mail = jdbc.sql("select text_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", invited).query(String.class).single();
        Matcher matcher = LINK.matcher(mail);
        assertThat(matcher.find()).as("the invitation link in " + mail).isTrue();
        return matcher.group(1);
    }
}
