package org.sourcewire.digests;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * When editions are due: at the configured local times on Monday to Friday in the source's zone, and still due
 * for {@code catchUp} afterwards (so an instance that was down at 05:35 sends the morning edition late rather than
 * never). Local times go through {@link ZonedDateTime}, so daylight-saving changes move the UTC instant.
 */
@Component
class DigestSchedule {

    private final DigestsProperties properties;

    DigestSchedule(DigestsProperties properties) {
        this.properties = properties;
    }

    List<Due> due(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Due> due = new ArrayList<>();
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return due;
        }
        for (Edition edition : Edition.values()) {
            Instant dueAt = ZonedDateTime.of(today, properties.timeOf(edition), zone).toInstant();
            if (!now.isBefore(dueAt) && now.isBefore(dueAt.plus(properties.catchUp()))) {
                due.add(new Due(zone.getId(), today, edition, dueAt));
            }
        }
        return due;
    }

    record Due(String zone, LocalDate date, Edition edition, Instant dueAt) {
    }
}
