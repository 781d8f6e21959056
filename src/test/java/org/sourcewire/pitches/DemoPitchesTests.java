package org.sourcewire.pitches;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.queries.TestQueries;
import org.sourcewire.shared.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPitchesTests extends IntegrationTest {

    private static final String DEMO_SOURCE = "priya@sleepclinic.example";

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    PitchSubmission submission;

    @Test
    void demoDataPitchesTheDemoQueryOnceThroughThePitchFormsPath() {
        // AccountBootstrapTests may have loaded the demo accounts into the shared database already.
        if (accountManagement.findByEmail(DEMO_SOURCE).isEmpty()) {
            accounts.source("Dr Priya Raman", DEMO_SOURCE);
        }
        long query = queries.by(accounts.journalist()).about("Sleep doctors: what actually helps shift workers sleep?",
                TestQueries.QUESTIONS, "Sleep physicians", "Biotech & Healthcare").publish();
        DemoData on = Mockito.mock(DemoData.class);
        Mockito.when(on.enabled()).thenReturn(true);
        DemoPitches demo = new DemoPitches(on, submission, accountManagement, jdbc);

        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select why_me from pitch where query_id = :query").param("query", query)
                .query(String.class).list()).containsExactly("I run a sleep clinic for night-shift nurses.");
        // The demo agency's owner, if AccountBootstrapTests created the demo accounts, is on Standard; put back to Free
        // for the other classes, which count on no source being on a paid plan (PlanAdminTests).
        accountManagement.findByEmail("jane@acme-pr.example").ifPresent(jane -> {
            assertThat(jdbc.sql("select plan from source_plan where account_id = :id").param("id", jane.id())
                    .query(String.class).single()).isEqualTo("STANDARD");
            jdbc.sql("update source_plan set plan = 'FREE' where account_id = :id").param("id", jane.id()).update();
        });
    }
}
