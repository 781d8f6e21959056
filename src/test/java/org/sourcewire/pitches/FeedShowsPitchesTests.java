package org.sourcewire.pitches;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.sources.SourceManagement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.pitch;

class FeedShowsPitchesTests extends IntegrationTest {

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    SourceManagement sourceManagement;

    @Test
    void theFeedSaysWhichQueriesTheSourcePitchedAndCanHideThem() {
        CurrentUser journalist = accounts.journalist();
        long pitched = queries.by(journalist).deadlineIn(Duration.ofHours(5)).publish();
        long open = queries.by(journalist).deadlineIn(Duration.ofHours(6)).publish();
        CurrentUser source = accounts.source();
        long profile = sourceManagement.ensureProfile(accountManagement.find(source.id()).orElseThrow()).id();
        long topic = jdbc.sql("select id from topic where name = 'Biotech & Healthcare'").query(Long.class).single();
        mvc.post().uri("/profile/topics").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.csrf()).with(as(source)).param("topicIds", String.valueOf(topic)).exchange();
        pitch(mvc, source, pitched).exchange();

        assertThat(mvc.get().uri("/feed").with(as(source))).hasStatusOk().bodyText()
                .contains("/queries/" + pitched + "\"").contains("/queries/" + open + "\"").contains("You pitched");
        assertThat(mvc.get().uri("/feed?notPitched=true").with(as(source))).hasStatusOk().bodyText()
                .doesNotContain("/queries/" + pitched + "\"").contains("/queries/" + open + "\"");
        // The late subscription also records matches, so the queries reach the source's digests.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from query_match where source_id = :s and query_id in (:q)")
                .param("s", profile).param("q", java.util.List.of(pitched, open)).query(Integer.class).single() == 2);
    }
}
