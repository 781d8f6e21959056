package org.sourcewire.screening;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.pitches.TestScreening;


import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** What screening keeps of a pitch to find copies later ({@link PitchSketch}): one of each, replaced on an edit. */
class PitchSketchTests extends IntegrationTest {

    @Test
    void anEditedPitchKeepsOneSignatureAndOneMeaningEachWithItsOwnBandsOnly() {
        CurrentUser source = accounts.source();
        long query = queries.by(accounts.journalist()).publish();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String path = TestPitches.sent(mvc, source, query,
                "answers[0]", "Night-shift nurses at clinic " + marker + " sleep longer with a fixed anchor sleep block "
                        + "of four hours, kept on days off too; we measured it over six months with wrist trackers.",
                "answers[1]", "Melatonin helps when taken three hours before the planned sleep, not at bedtime.");
        TestScreening.awaitScreened(path);
        long pitch = pitchId(path);
        assertThat(count("pitch_signature", pitch)).isEqualTo(1);
        assertThat(count("pitch_meaning", pitch)).isEqualTo(1);
        assertThat(count("pitch_band", pitch)).isEqualTo(MinHash.BANDS);
        assertThat(count("pitch_meaning_band", pitch)).isEqualTo(Meanings.BANDS);
        String before = signature(pitch);

        assertThat(mvc.post().uri(path).with(csrf()).with(as(source))
                .param("answers[0]", "Rotating rosters at hospital " + marker + " hurt sleep far more than fixed night "
                        + "shifts: our staff survey of four hundred nurses found an hour less sleep a day.")
                .param("answers[1]", "Bright light in the first half of the shift and dark glasses on the way home.")
                .param("answers[2]", "Publish rosters four weeks ahead and never schedule a quick return.")
                .param("confirmsRequirements", "true")).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !before.equals(signature(pitch)));

        assertThat(count("pitch_signature", pitch)).isEqualTo(1);
        assertThat(count("pitch_meaning", pitch)).isEqualTo(1);
        assertThat(count("pitch_band", pitch)).isEqualTo(MinHash.BANDS);
        assertThat(count("pitch_meaning_band", pitch)).isEqualTo(Meanings.BANDS);
    }

    private long pitchId(String path) {
        return jdbc.sql("select id from pitch where public_id = cast(:id as uuid)")
                .param("id", path.substring(path.lastIndexOf('/') + 1)).query(Long.class).single();
    }

    private String signature(long pitch) {
        return jdbc.sql("select coalesce(max(minhash::text), '') from pitch_signature where pitch_id = :id")
                .param("id", pitch).query(String.class).single();
    }

    private long count(String table, long pitch) {
        return jdbc.sql("select count(*) from " + table + " where pitch_id = :id").param("id", pitch)
                .query(Long.class).single();
    }
}
