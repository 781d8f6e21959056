package org.sourcewire.pitches;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.shared.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo pitches on the demo queries (after the demo sources and queries exist), so the inbox has something in it. */
@Component
@Order(20)
class DemoPitches implements ApplicationRunner {

    private final DemoData demoData;
    private final PitchSubmission pitches;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;

    DemoPitches(DemoData demoData, PitchSubmission pitches, AccountManagement accounts, JdbcClient jdbc) {
        this.demoData = demoData;
        this.pitches = pitches;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        pitch("priya@sleepclinic.example", "Sleep doctors: what actually helps shift workers sleep?", List.of(
                "The biggest mistake is trying to sleep in one long block straight after a night shift, with the sun up "
                        + "and the household awake. The body clock fights it. Split sleep works better: four to five hours "
                        + "right after the shift in a dark, cool room, then a ninety-minute nap before the next shift.",
                "Melatonin helps a little, and only with the right timing: a low dose (0.5 mg) about three hours before "
                        + "the planned daytime sleep. Large doses at bedtime mostly cause grogginess on the next shift.",
                "Rotate rosters forwards (morning, evening, night), cap runs of nights at three or four, and never "
                        + "schedule a quick return of less than eleven hours between shifts."),
                "I run a sleep clinic for night-shift nurses.");
        pitch("james@okafor-cfo.example", "CFOs: how are you budgeting for AI tools in 2027?", List.of(
                "Across the five SaaS companies I advise, AI tools take 6 to 9 percent of the software budget for 2027, "
                        + "up from about 2 percent in 2025. Most of it is seats for coding assistants and support automation.",
                "We measure the return per workflow, not per tool: hours saved in support tickets, time to close the books, "
                        + "and pull requests merged per engineer, checked against a control team for one quarter."),
                "Fractional CFO for US SaaS companies with 50 to 500 staff.");
        // The demo agency (teams.DemoTeams) manages two experts' profiles: more than Free allows.
        accounts.findByEmail("jane@acme-pr.example").ifPresent(jane -> jdbc.sql("""
                insert into source_plan (account_id, plan) values (:id, 'STANDARD') on conflict (account_id) do nothing""")
                .param("id", jane.id()).update());
    }

    private void pitch(String email, String headline, List<String> answers, String whyMe) {
        Optional<Long> query = jdbc.sql("select id from journalist_query where headline = :headline and status = 'PUBLISHED'")
                .param("headline", headline).query(Long.class).optional();
        accounts.findByEmail(email).ifPresent(source -> query.ifPresent(id -> {
            if (jdbc.sql("select count(*) from pitch where query_id = :id").param("id", id).query(Integer.class).single() == 0) {
                pitches.submit(source, pitches.pitchable(id, source), new PitchDraft(answers, whyMe, true),
                        UUID.randomUUID());
            }
        }));
    }
}
