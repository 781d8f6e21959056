package org.sourcewire.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.pitches.TestPitches;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTests extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void prometheusReadsTheAppsOwnMetersFromLoopbackWithoutLoggingIn() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText()
                .contains("sourcewire_pitches_sent_total", "sourcewire_screening_backlog", "sourcewire_screening_time_seconds",
                        "sourcewire_mail_outbox_backlog", "sourcewire_mail_outbox_failed", "sourcewire_mail_sent_total",
                        "sourcewire_mail_attempts_failed_total", "sourcewire_digests_queued_total",
                        "sourcewire_digests_editions_open", "sourcewire_placements_checked_total",
                        "jvm_memory_used_bytes");
    }

    @Test
    void everyMeterTheGrafanaDashboardDrawsIsScraped() throws Exception {
        String dashboard = Files.readString(Path.of("src/main/docker/grafana-dashboard.json"));
        Matcher names = Pattern.compile("(sourcewire_[a-z_]+)").matcher(dashboard);
        String scraped = mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
        int drawn = 0;
        while (names.find()) {
            drawn++;
            assertThat(scraped).as("the dashboard draws %s", names.group(1)).contains(names.group(1));
        }
        assertThat(drawn).isGreaterThan(8);
    }

    @Test
    void anyOtherAddressGetsAPlain403NotTheLogInForm() {
        assertThat(mvc.get().uri("/actuator/prometheus").with(request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        })).hasStatus(HttpStatus.FORBIDDEN).doesNotContainHeader("Location");
        // A signed-in user from elsewhere gets no more than anyone.
        CurrentUser admin = accounts.admin();
        assertThat(mvc.get().uri("/actuator/prometheus").with(TestAccounts.as(admin)).with(request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        })).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSentPitchIsCountedOnceItIsStored() {
        double before = meters.get("sourcewire.pitches.sent").counter().count();
        TestPitches.sent(mvc, accounts.source(), queries.by(accounts.journalist()).publish());
        assertThat(meters.get("sourcewire.pitches.sent").counter().count()).isEqualTo(before + 1);
    }
}
