package org.sourcewire.digests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestScheduleTests {

    private final DigestSchedule schedule = new DigestSchedule(new DigestsProperties(LocalTime.of(5, 35),
            LocalTime.of(12, 35), LocalTime.of(17, 35), Duration.ofHours(3), 1000, Duration.ofDays(365), 2, Duration.ofDays(60)));

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void theMorningEditionFollowsDaylightSavingTime() {
        // Monday before the change (PST, UTC-8) and Monday after it (PDT, UTC-7): 05:35 local both times.
        assertThat(editions(LOS_ANGELES, "2027-03-08T13:35:00Z")).containsExactly(Edition.MORNING);
        assertThat(editions(LOS_ANGELES, "2027-03-08T12:35:00Z")).isEmpty();
        assertThat(editions(LOS_ANGELES, "2027-03-15T12:35:00Z")).containsExactly(Edition.MORNING);
        assertThat(editions(LOS_ANGELES, "2027-03-15T12:34:59Z")).isEmpty();
        // And back in November (PDT to PST on 1 November 2026).
        assertThat(editions(LOS_ANGELES, "2026-10-30T12:35:00Z")).containsExactly(Edition.MORNING);
        assertThat(editions(LOS_ANGELES, "2026-11-02T13:35:00Z")).containsExactly(Edition.MORNING);
        assertThat(editions(LOS_ANGELES, "2026-11-02T12:35:00Z")).isEmpty();
    }

    @Test
    void editionsAreDueOnLocalBusinessDaysOnly() {
        // Monday 05:35 in Tokyo is Sunday 20:35 UTC, still the weekend in Los Angeles.
        assertThat(editions(TOKYO, "2026-11-29T20:35:00Z")).containsExactly(Edition.MORNING);
        assertThat(editions(LOS_ANGELES, "2026-11-29T20:35:00Z")).isEmpty();
        // Saturday 05:35 in Tokyo (Friday evening UTC): no edition.
        assertThat(editions(TOKYO, "2026-12-04T20:35:00Z")).isEmpty();
        // Friday 17:35 in Los Angeles is Saturday in Tokyo, but still a business day in Los Angeles.
        assertThat(editions(LOS_ANGELES, "2026-12-05T01:35:00Z")).containsExactly(Edition.EVENING);
    }

    @Test
    void aMissedEditionIsStillDueWithinTheCatchUpWindow() {
        assertThat(editions(TOKYO, "2026-11-30T06:34:00Z")).containsExactly(Edition.MIDDAY); // 15:34 Tokyo
        assertThat(editions(TOKYO, "2026-11-30T06:35:00Z")).isEmpty(); // 15:35 Tokyo: three hours late
    }

    private java.util.List<Edition> editions(ZoneId zone, String instant) {
        return schedule.due(zone, Instant.parse(instant)).stream().map(DigestSchedule.Due::edition).toList();
    }
}
