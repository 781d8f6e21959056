package org.sourcewire.dashboards;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The last twelve calendar months in a zone, oldest first, the current one included. */
record Months(List<YearMonth> months, ZoneId zone) {

    static final int COUNT = 12;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    static Months endingAt(Instant now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        List<YearMonth> months = new ArrayList<>();
        for (int i = COUNT - 1; i >= 0; i--) {
            months.add(current.minusMonths(i));
        }
        return new Months(List.copyOf(months), zone);
    }

    /** The start of the oldest month. */
    Instant from() {
        return months.get(0).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** "2026-12": how the SQL names a month ({@code to_char(.., 'YYYY-MM')}). */
    static String key(YearMonth month) {
        return month.toString();
    }

    static String label(YearMonth month) {
        return LABEL.format(month);
    }

    List<String> labels() {
        return months.stream().map(Months::label).toList();
    }
}
