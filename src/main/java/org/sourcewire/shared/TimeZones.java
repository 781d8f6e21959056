package org.sourcewire.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The IANA time zones people pick from (region/city ids, without the legacy aliases). */
public final class TimeZones {

    public static final String DEFAULT = "America/New_York";

    private static final List<String> IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted().toList();

    private TimeZones() {
    }

    public static List<String> ids() {
        return IDS;
    }

    /** The zone for an id from the list; empty for anything else (blank, unknown, malformed). */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        }
        catch (DateTimeException ex) {
            return Optional.empty();
        }
    }
}
