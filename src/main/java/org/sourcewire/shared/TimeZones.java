package org.sourcewire.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The time zones people pick from: tzdb's {@code zone.tab} (one zone per country and area, without renamed aliases
 * such as Africa/Asmera or Asia/Calcutta, and without Etc/ or SystemV/), as far as this Java knows them, plus UTC.
 * The copy in {@code shared/zone.tab} comes from tzdata 2025b; a zone it lacks is still accepted, just not listed.
 */
public final class TimeZones {

    public static final String DEFAULT = "America/New_York";

    /** The cookie in which the browser tells its zone ({@code static/js/timezone.js}). */
    public static final String COOKIE = "tz";

    public static final String UTC = "UTC";

    /** The regions the picker groups zones by, in this order; tzdb's Antarctica and Arctic stations are left out. */
    private static final List<String> REGIONS = List.of("Africa", "America", "Asia", "Atlantic", "Australia", "Europe",
            "Indian", "Pacific");

    private static final Map<String, String> COUNTRIES = readZoneTab();

    /** The listed zone for each set of rules, so an alias the browser reports finds its listed twin. */
    private static final Map<ZoneRules, String> BY_RULES = byRules();

    private TimeZones() {
    }

    /** Every listed zone id. */
    public static Set<String> ids() {
        return COUNTRIES.keySet();
    }

    /** A valid zone id (listed or not); empty for anything else (blank, unknown, malformed, too long). */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        }
        catch (DateTimeException ex) {
            return Optional.empty();
        }
    }

    /**
     * The listed zone to show for {@code zone}: itself when listed, else the listed zone with the same rules (an old
     * name such as Asia/Calcutta gives Asia/Kolkata), else empty.
     */
    public static Optional<String> listed(ZoneId zone) {
        if (zone == null) {
            return Optional.empty();
        }
        String id = zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0 ? UTC : zone.getId();
        if (COUNTRIES.containsKey(id)) {
            return Optional.of(id);
        }
        return Optional.ofNullable(BY_RULES.get(zone.getRules()));
    }

    /** A readable name: "Tokyo", "Buenos Aires", "Knox (Indiana)", "UTC". */
    public static String city(String id) {
        if (UTC.equals(id) || !id.contains("/")) {
            return id;
        }
        String[] parts = id.split("/");
        String city = parts[parts.length - 1].replace('_', ' ');
        return parts.length > 2 && !"Argentina".equals(parts[1]) ? city + " (" + parts[1].replace('_', ' ') + ")" : city;
    }

    /** "UTC+09:00", "UTC-03:00", "UTC+00:00": the zone's offset at {@code now}, with an ASCII sign so it can be typed. */
    public static String offset(ZoneId zone, Instant now) {
        ZoneOffset offset = zone.getRules().getOffset(now);
        return "UTC" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }

    /** "Tokyo (UTC+09:00)" or "UTC": how a page names the zone its times are in. */
    public static String describe(ZoneId zone, Instant now) {
        String id = listed(zone).orElse(zone.getId());
        return UTC.equals(id) ? UTC : city(id) + " (" + offset(zone, now) + ")";
    }

    /** The picker's groups, by region, each zone labelled with its city, country and offset at {@code now}. */
    public static List<Group> groups(Instant now) {
        /** A choice with the English words it is sorted by, as the page showed them before they came from the bundle. */
        record Sorted(String by, Choice choice) {
        }
        Map<String, List<Sorted>> byRegion = new LinkedHashMap<>();
        REGIONS.forEach(region -> byRegion.put(region, new ArrayList<>()));
        COUNTRIES.forEach((id, country) -> {
            List<Sorted> choices = byRegion.get(id.substring(0, id.indexOf('/') < 0 ? id.length() : id.indexOf('/')));
            if (choices != null) {
                String city = city(id);
                String offset = offset(ZoneId.of(id), now);
                choices.add(new Sorted(city + ", " + country + " (" + offset + ")", new Choice(id,
                        new DefaultMessageSourceResolvable(new String[] { "shared.text.zone.choice" },
                                new Object[] { city, country, offset }))));
            }
        });
        List<Group> groups = new ArrayList<>();
        byRegion.forEach((region, choices) -> groups.add(new Group(region,
                choices.stream().sorted(Comparator.comparing(Sorted::by)).map(Sorted::choice).toList())));
        groups.add(new Group(UTC, List.of(new Choice(UTC, new DefaultMessageSourceResolvable("shared.text.zone.utc")))));
        return groups;
    }

    /** One region of the picker. */
    public record Group(String region, List<Choice> zones) {
    }

    /** One zone of the picker: its id and its label, e.g. "Tokyo, Japan (UTC+09:00)" ({@code ${@messages.text(zone.label)}}). */
    public record Choice(String id, MessageSourceResolvable label) {
    }

    /** Listed zone id → English country name, from zone.tab, for the zones this Java knows. */
    private static Map<String, String> readZoneTab() {
        Set<String> known = ZoneId.getAvailableZoneIds();
        Map<String, String> countries = new LinkedHashMap<>();
        try (var in = TimeZones.class.getResourceAsStream("/shared/zone.tab")) {
            if (in == null) {
                throw new IllegalStateException("shared/zone.tab is missing from the class path");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .filter(columns -> columns.length >= 3 && known.contains(columns[2])
                            && REGIONS.contains(columns[2].substring(0, columns[2].indexOf('/'))))
                    .sorted(Comparator.comparing(columns -> columns[2]))
                    .forEach(columns -> countries.putIfAbsent(columns[2],
                            new Locale("", columns[0]).getDisplayCountry(Locale.ENGLISH)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        countries.put(UTC, "");
        return countries;
    }

    private static Map<ZoneRules, String> byRules() {
        Map<ZoneRules, String> byRules = new HashMap<>();
        COUNTRIES.keySet().forEach(id -> byRules.putIfAbsent(ZoneId.of(id).getRules(), id));
        return byRules;
    }
}
