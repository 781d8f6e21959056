package org.sourcewire.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One chart and the table of the same numbers: a row per label, a column per series. The page carries the numbers as
 * JSON in an attribute of the canvas (escaped like any attribute), and {@code static/js/charts.js} draws them.
 *
 * @param type Chart.js's chart type: {@code bar} or {@code line}
 * @param unit what a value counts, for the drawing and the table ("pitches", "hours", "%")
 * @param axis the unit in words, the axis's title
 * @param stacked whether the series' bars stand on each other (parts of one whole)
 */
record Chart(String id, String title, String type, String unit, String axis, boolean stacked, List<String> labels,
        List<Series> series) {

    /** A series' values, one per label; null where there is no figure (drawn as a gap). */
    record Series(String label, List<? extends Number> values) {
    }

    static Chart of(String id, String title, String type, String unit, String axis, List<String> labels,
            List<Series> series) {
        return new Chart(id, title, type, unit, axis, false, labels, series);
    }

    Chart stack() {
        return new Chart(id, title, type, unit, axis, true, labels, series);
    }

    public String json() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("unit", unit);
        data.put("axis", axis);
        data.put("stacked", stacked);
        data.put("labels", labels);
        List<Map<String, Object>> sets = new ArrayList<>();
        for (Series s : series) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("label", s.label());
            set.put("values", s.values());
            sets.add(set);
        }
        data.put("series", sets);
        return JsonMapper.shared().writeValueAsString(data);
    }

    /** The value of a series at a label's row, for the table. */
    public Number value(int seriesIndex, int row) {
        return series.get(seriesIndex).values().get(row);
    }
}
