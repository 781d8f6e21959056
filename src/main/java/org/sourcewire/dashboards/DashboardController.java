package org.sourcewire.dashboards;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.ViewerZone;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The source's dashboard, a query's statistics for its journalist, and the public transparency page. */
@Controller
class DashboardController {

    private final SourceStatistics sources;
    private final QueryStatistics queryStatistics;
    private final Transparency transparency;
    private final QueryManagement queries;
    private final Messages messages;

    DashboardController(SourceStatistics sources, QueryStatistics queryStatistics, Transparency transparency,
            QueryManagement queries, Messages messages) {
        this.sources = sources;
        this.queryStatistics = queryStatistics;
        this.transparency = transparency;
        this.queries = queries;
        this.messages = messages;
    }

    /** Only the source's own figures: everything is read by the logged-in account, never by an id in the URL. */
    @GetMapping("/dashboard/pitches")
    String source(@AuthenticationPrincipal CurrentUser user, @ViewerZone Optional<ZoneId> viewerZone, Model model) {
        ZoneId zone = viewerZone.orElse(ZoneOffset.UTC);
        SourceStatistics.Activity activity = sources.activity(user.id(), zone);
        List<SourceStatistics.TopicRate> rates = sources.winRates(user.id());
        Map<LinkKind, Integer> placements = sources.placements(user.id());

        model.addAttribute("activity", Chart.of("chart-activity", messages.text("dashboards.text.chart.activity"), "bar",
                "pitches", messages.text("dashboards.text.axis.pitches"), activity.months().labels(),
                Arrays.stream(SourceStatistics.Move.values())
                        .map(move -> new Chart.Series(messages.text(move.labelKey), activity.counts().get(move))).toList()));
        model.addAttribute("rates", rates);
        model.addAttribute("ratesChart", Chart.of("chart-win-rate", messages.text("dashboards.text.chart.win-rate"), "bar",
                "%", "%", rates.stream().map(SourceStatistics.TopicRate::topic).toList(),
                List.of(new Chart.Series(messages.text("dashboards.text.chart.your-win-rate"),
                        rates.stream().map(r -> round(r.rate())).toList()),
                        new Chart.Series(messages.text("dashboards.text.chart.platform-average"), rates.stream()
                                .map(r -> r.platformShown() ? round(r.platformRate()) : null).toList()))));
        model.addAttribute("placements", placementChart("chart-placements",
                messages.text("dashboards.text.chart.your-placements"),
                List.of(new Chart.Series(messages.text("dashboards.text.chart.placements"),
                        SourceStatistics.list(placements)))));
        model.addAttribute("placementTotal", placements.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("minPitches", sources.minPitchesForAverage());
        model.addAttribute("anyPitch", activity.total(SourceStatistics.Move.SENT) > 0 || !rates.isEmpty());
        return "dashboards/source";
    }

    /** For the query's journalist and admins; anyone else gets the 404 an unknown query gets. */
    @GetMapping("/queries/{id}/statistics")
    String query(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        QueryView query = ownQuery(user, id);
        model.addAttribute("query", query);
        model.addAttribute("stats", queryStatistics.of(id, query.publishedAt()));
        return "dashboards/query";
    }

    /** The same figures as a fragment, which the query's page loads into its side column. */
    @HxRequest
    @GetMapping("/queries/{id}/statistics")
    String queryFragment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        query(user, id, model);
        return "dashboards/query :: statistics";
    }

    @GetMapping("/transparency")
    String transparency(Model model) {
        List<Transparency.Month> months = transparency.lastTwelveMonths();
        List<String> labels = months.stream().map(Transparency.Month::label).toList();
        model.addAttribute("months", months);
        String queriesPublished = messages.text("dashboards.text.chart.queries");
        model.addAttribute("queriesChart", Chart.of("chart-queries", queriesPublished, "bar", "queries",
                messages.text("dashboards.text.axis.queries"), labels,
                List.of(new Chart.Series(queriesPublished, months.stream().map(Transparency.Month::queries).toList()),
                        new Chart.Series(messages.text("dashboards.text.chart.median-pitches"),
                                months.stream().map(Transparency.Month::medianPitches).toList()))));
        model.addAttribute("screenedChart", Chart.of("chart-screened", messages.text("dashboards.text.chart.screened"),
                "line", "%", "%", labels, List.of(new Chart.Series(messages.text("dashboards.text.chart.screened-out"),
                        months.stream().map(m -> m.screenedOut() == null ? null : round(m.screenedOut())).toList()))));
        model.addAttribute("qualifiedChart", Chart.of("chart-qualified", messages.text("dashboards.text.chart.qualified"),
                "line", "hours", messages.text("dashboards.text.axis.hours"), labels,
                List.of(new Chart.Series(messages.text("dashboards.text.chart.hours-to-qualified"), months.stream()
                        .map(m -> m.medianToQualified() == null ? null : round(m.medianToQualified().toMinutes() / 60.0))
                        .toList()))));
        model.addAttribute("placementsChart", placementChart("chart-transparency-placements",
                messages.text("dashboards.text.chart.placements-by-link"),
                Arrays.stream(LinkKind.values()).map(kind -> new Chart.Series(messages.text(kind.labelKey()),
                        months.stream().map(m -> m.placements().get(kind)).toList())).toList(), labels).stack());
        return "dashboards/transparency";
    }

    private Chart placementChart(String id, String title, List<Chart.Series> series) {
        return placementChart(id, title, series,
                Arrays.stream(LinkKind.values()).map(kind -> messages.text(kind.labelKey())).toList());
    }

    private Chart placementChart(String id, String title, List<Chart.Series> series, List<String> labels) {
        return Chart.of(id, title, "bar", "placements", messages.text("dashboards.text.axis.placements"), labels, series);
    }

    private QueryView ownQuery(CurrentUser user, long id) {
        QueryView query = queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean owner = query.journalistId() != null && query.journalistId() == user.id();
        if (!owner && !user.is(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return query;
    }

    private static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
