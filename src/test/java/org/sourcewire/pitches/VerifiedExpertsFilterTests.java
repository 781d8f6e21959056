package org.sourcewire.pitches;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** The inbox's "verified experts only" filter, and the level shown on each pitch and in the reading pane. */
class VerifiedExpertsFilterTests extends IntegrationTest {

    @Autowired
    Verifications verifications;

    @Test
    void verifiedExpertsOnlyShowsPitchesFromExpertsWithAStandingCheckAndSaysHowManyItHides() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser proven = accounts.source("Vera Proven", TestAccounts.uniqueEmail("vera"));
        CurrentUser credentialed = accounts.source("Carl Credential", TestAccounts.uniqueEmail("carl"));
        CurrentUser lapsed = accounts.source("Lars Lapsed", TestAccounts.uniqueEmail("lars"));
        CurrentUser plain = accounts.source("Una Unverified", TestAccounts.uniqueEmail("una"));
        String provenPitch = distinct(proven, query, "cardiology");
        distinct(credentialed, query, "aviation");
        distinct(lapsed, query, "bakeries");
        distinct(plain, query, "ports");
        verifications.record(proven.id(), VerificationKind.WEBSITE_OWNERSHIP, "vera.example", true, "meta tag");
        verifications.record(credentialed.id(), VerificationKind.CREDENTIAL_CONFIRMED, "GMC 1", true, null);
        verifications.record(lapsed.id(), VerificationKind.WEBSITE_OWNERSHIP, "lars.example", true, "meta tag");
        verifications.record(lapsed.id(), VerificationKind.WEBSITE_OWNERSHIP, "lars.example", false, "token not found");
        // Only an e-mail match, without a proven website, is no level.
        verifications.record(plain.id(), VerificationKind.EMAIL_MATCHES_WEBSITE, "una.example", true, null);

        Document all = inbox(journalist, query, "");
        assertThat(all.select(".row-name").eachText()).contains("Vera Proven", "Carl Credential", "Lars Lapsed",
                "Una Unverified");
        assertThat(all.select("#verifiedOnly").hasAttr("checked")).isFalse();

        Document verified = inbox(journalist, query, "&verifiedOnly=true");
        assertThat(verified.select(".row-name").eachText()).containsExactlyInAnyOrder("Vera Proven", "Carl Credential");
        assertThat(verified.select("#verifiedOnly").hasAttr("checked")).isTrue();
        assertThat(verified.text()).contains("2 pitches are hidden by your filters.");
        assertThat(verified.select(".pitch-row .expert-level").eachText())
                .containsExactlyInAnyOrder("Website proven", "Credential confirmed");

        // The reading pane and the pitch page: the level with its readable list of checks.
        String pane = mvc.get().uri(provenPitch + "/pane").header("HX-Request", "true").with(as(journalist)).exchange()
                .getResponse().getContentAsString();
        assertThat(Jsoup.parse(pane).select(".source-card .verification-list").text()).contains("Controls the website: vera.example");
        assertThat(Jsoup.parse(mvc.get().uri(provenPitch).with(as(journalist)).exchange().getResponse().getContentAsString())
                .select(".source-card .expert-level").text()).isEqualTo("Website proven");
    }

    @Test
    void theFilterReadsAPageOfVerifiedExpertsInAsManyStatementsWhateverTheirNumber() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser first = accounts.source();
        distinct(first, query, "mining");
        verifications.record(first.id(), VerificationKind.WEBSITE_OWNERSHIP, "first.example", true, null);
        SqlStatements.reset();
        inbox(journalist, query, "&verifiedOnly=true");
        long one = SqlStatements.count();
        for (int i = 0; i < 3; i++) {
            CurrentUser more = accounts.source();
            distinct(more, query, new String[] { "trucking", "policing", "nursing" }[i]);
            verifications.record(more.id(), VerificationKind.WEBSITE_OWNERSHIP, "more.example", true, null);
        }

        SqlStatements.reset();
        assertThat(inbox(journalist, query, "&verifiedOnly=true").select(".pitch-row")).hasSize(4);
        assertThat(SqlStatements.count()).isEqualTo(one);
    }

    private static final java.util.Map<String, String[]> ANSWERS = java.util.Map.of(
            "cardiology", new String[] { "Cardiologists see more arrhythmias in nurses after years of night work.",
                    "Beta blockers do not fix circadian disruption; daylight exposure at dawn matters more.",
                    "Screen night workers' blood pressure every six months." },
            "aviation", new String[] { "Long-haul pilots nap in bunks on a controlled-rest schedule approved by regulators.",
                    "Caffeine timing beats melatonin for crews crossing many time zones.",
                    "Airlines publish fatigue-risk reports; read the one for your carrier." },
            "bakeries", new String[] { "Bakers start at 3am for decades and adapt better than rotating staff do.",
                    "A fixed early schedule, even on weekends, keeps their sleep stable.",
                    "Small bakeries cannot afford rotation, which oddly helps them." },
            "ports", new String[] { "Dock crews on twelve-hour rotating shifts report the most accidents near dawn.",
                    "Unions negotiated longer breaks between rotations at Rotterdam in 2022.",
                    "Crane operators now have a mandatory fatigue check before the night shift." },
            "mining", new String[] { "Fly-in fly-out miners work fourteen nights then rest a fortnight at home.",
                    "Camps with blackout rooms and quiet hours cut sleep debt substantially.",
                    "Mining firms track fatigue with wristbands now." },
            "trucking", new String[] { "Truckers' hours-of-service rules ignore when in the day the driving happens.",
                    "Electronic logbooks pushed more driving into the small hours.",
                    "Sleep apnoea screening for drivers remains patchy across states." },
            "policing", new String[] { "Police officers on permanent nights have fewer complaints than rotating teams.",
                    "Court appearances after night shifts wreck recovery sleep.",
                    "Several forces now schedule court days around rosters." },
            "nursing", new String[] { "Ward nurses swapping between days and nights within a week sleep worst of all.",
                    "Self-rostering apps let nurses cluster nights together.",
                    "Hospitals that banned quick returns saw sick leave fall." });

    /** Pitches that say different things, so screening does not group them as one template. */
    private String distinct(CurrentUser source, long query, String topic) {
        String[] answers = ANSWERS.get(topic);
        return TestPitches.sent(mvc, source, query, "answers[0]", answers[0], "answers[1]", answers[1],
                "answers[2]", answers[2], "whyMe", "I study " + topic + " and shift work.");
    }

    private Document inbox(CurrentUser journalist, long query, String params) throws Exception {
        return Jsoup.parse(mvc.get().uri("/queries/" + query + "/pitches?sort=newest" + params).with(as(journalist))
                .exchange().getResponse().getContentAsString());
    }
}
