package org.sourcewire.pitches;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.sentPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * V66 turns the decline reasons stored as English into DeclineReason's names. Its script runs again here, in a
 * transaction rolled back at the end, on declines made through the app and put back into the English of before.
 */
class DeclineReasonMigrationTests extends IntegrationTest {

    private static final List<String> CONSTRAINTS = List.of("pitch drop constraint pitch_decline_reason_check",
            "pitch_status_change drop constraint pitch_status_change_reason_check",
            "pitch_undo drop constraint pitch_undo_previous_reason_check");

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void v66RewritesTheStoredEnglishToNamesAndClearsAnyOtherText() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String declined = sentPath(mvc, accounts.source(), query);
        String reconsidered = sentPath(mvc, accounts.source(), query);
        String handEdited = sentPath(mvc, accounts.source(), query);
        decline(journalist, declined, "NOT_A_FIT");
        decline(journalist, handEdited, "QUESTIONS_UNANSWERED");
        // Declined, then shortlisted within the undo window: the undo would restore the decline and its reason.
        decline(journalist, reconsidered, "ENOUGH_SOURCES");
        mvc.post().uri(reconsidered + "/shortlist").with(csrf()).with(as(journalist)).exchange();
        List<Long> ids = List.of(pitchId(declined), pitchId(reconsidered), pitchId(handEdited));

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            CONSTRAINTS.forEach(constraint -> jdbc.sql("alter table " + constraint).update());
            String english = """
                    case %1$s when 'NOT_A_FIT' then 'Not a fit for this story'
                              when 'ENOUGH_SOURCES' then 'We already have enough sources'
                              when 'QUESTIONS_UNANSWERED' then 'Sorry, we went with someone else' end""";
            jdbc.sql("update pitch set decline_reason = " + english.formatted("decline_reason") + " where id in (:ids)")
                    .param("ids", ids).update();
            jdbc.sql("update pitch_status_change set reason = " + english.formatted("reason") + " where pitch_id in (:ids)")
                    .param("ids", ids).update();
            jdbc.sql("update pitch_undo set previous_reason = " + english.formatted("previous_reason")
                    + " where pitch_id in (:ids)").param("ids", ids).update();
            assertThat(reasons(ids)).containsExactly("Not a fit for this story | Not a fit for this story | ",
                    " | We already have enough sources | We already have enough sources",
                    "Sorry, we went with someone else | Sorry, we went with someone else | ");

            Connection connection = DataSourceUtils.getConnection(dataSource);
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("db/migration/V66__pitches_decline_reason_codes.sql"));

            assertThat(reasons(ids)).containsExactly("NOT_A_FIT | NOT_A_FIT | ", " | ENOUGH_SOURCES | ENOUGH_SOURCES",
                    " |  | ");
            assertThatThrownBy(() -> jdbc.sql("update pitch set decline_reason = 'Not a fit for this story' where id = :id")
                    .param("id", ids.get(0)).update()).hasMessageContaining("pitch_decline_reason_check");
        });
    }

    private void decline(CurrentUser journalist, String path, String reason) {
        mvc.post().uri(path + "/decline").with(csrf()).with(as(journalist)).param("reason", reason).exchange();
    }

    /** Per pitch, in the order sent: its decline reason, its history's decline reasons, and the reason an undo would restore. */
    private List<String> reasons(List<Long> ids) {
        return jdbc.sql("""
                select concat_ws(' | ', coalesce(p.decline_reason, ''),
                       coalesce((select string_agg(c.reason, ',' order by c.id) from pitch_status_change c
                                 where c.pitch_id = p.id and c.status = 'DECLINED'), ''),
                       coalesce((select u.previous_reason from pitch_undo u where u.pitch_id = p.id), ''))
                from pitch p where p.id in (:ids) order by p.id""")
                .param("ids", ids).query(String.class).list();
    }

    private long pitchId(String path) {
        return jdbc.sql("select id from pitch where public_id = cast(:id as uuid)")
                .param("id", path.substring(path.lastIndexOf('/') + 1)).query(Long.class).single();
    }
}
