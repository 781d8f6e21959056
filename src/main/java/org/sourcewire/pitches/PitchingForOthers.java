package org.sourcewire.pitches;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pitches written for an expert by someone else (a team member of an agency): the same rules, quota and screening as
 * the expert's own pitch form, with the writer stored as the pitch's attribution. The caller decides who may write
 * for whom; this only sends. Also a team's plan limits, since plans live here.
 */
@Service
@Transactional
public class PitchingForOthers {

    private final PitchSubmission submission;
    private final PitchSnippets snippets;
    private final PitchesProperties properties;
    private final JdbcClient jdbc;
    private final Messages messages;

    PitchingForOthers(PitchSubmission submission, PitchSnippets snippets, PitchesProperties properties, JdbcClient jdbc,
            Messages messages) {
        this.submission = submission;
        this.snippets = snippets;
        this.properties = properties;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A saved snippet a writer can insert. */
    public record Snippet(String label, String body) {
    }

    /** What a team whose owner is on {@code plan} may have: expert profiles, and member seats besides the owner. */
    public record TeamLimits(String plan, int profiles, int seats) {
    }

    @Transactional(readOnly = true)
    public TeamLimits teamLimits(long ownerAccountId) {
        Plan plan = jdbc.sql("select plan from source_plan where account_id = :id").param("id", ownerAccountId)
                .query(String.class).optional().map(Plan::valueOf).orElse(Plan.FREE);
        PitchesProperties.Quota quota = properties.quota(plan);
        return new TeamLimits(messages.text(plan.labelKey()), quota.profiles(), quota.seats());
    }

    /**
     * The query as the expert sees it, if the expert may pitch it now.
     *
     * @throws RuleException why not (closed, past its deadline, the expert suspended or unconfirmed)
     */
    @Transactional(readOnly = true)
    public QueryView pitchable(long queryId, AccountView expert) {
        return submission.pitchable(queryId, expert);
    }

    /** The expert's pitch to this query, if there is one. */
    @Transactional(readOnly = true)
    public Optional<UUID> existing(long queryId, long expertProfileId) {
        return submission.existing(queryId, expertProfileId);
    }

    /**
     * Checks a draft as sending would (answers, length, requirements), storing nothing: for a draft that waits for the
     * expert's approval.
     *
     * @throws RuleException what is wrong, with the form field it belongs to
     */
    @Transactional(readOnly = true)
    public void check(QueryView query, List<String> answers, String whyMe, boolean confirmsRequirements) {
        submission.checkDraft(query, new PitchDraft(answers, whyMe, confirmsRequirements));
    }

    /**
     * Sends the pitch as the expert's, saying who wrote it. The same {@code submissionKey} again finds the pitch it
     * made (a double click sends once).
     *
     * @throws RuleException when the rules refuse it
     */
    public UUID send(AccountView expert, QueryView query, List<String> answers, String whyMe,
            boolean confirmsRequirements, PitchAttributions.WrittenBy writtenBy, UUID submissionKey) {
        return submission.submit(expert, query, new PitchDraft(answers, whyMe, confirmsRequirements, writtenBy),
                submissionKey);
    }

    /**
     * What screening would tell the expert of this draft now (the pre-flight tips), storing nothing: the same check as
     * the expert's own pitch form, against the expert's earlier pitches.
     */
    @Transactional(readOnly = true)
    public PitchScreening.Verdict preflight(QueryView query, AccountView expert, List<String> answers, String whyMe,
            boolean confirmsRequirements) {
        return submission.preflight(query, expert, new PitchDraft(answers, whyMe, confirmsRequirements), null);
    }

    /**
     * The writer's own snippets (their agency line, a disclosure). Not the expert's: those are the expert's private
     * drafts, and letting a team write for one does not share them; a writer saves the expert's bio as their own.
     */
    @Transactional(readOnly = true)
    public List<Snippet> snippets(AccountView writer) {
        return snippets.of(writer).stream().map(snippet -> new Snippet(snippet.label(), snippet.body())).toList();
    }

    public boolean hasRequirements(QueryView query) {
        return PitchSubmission.hasRequirements(query);
    }

    public int maxWords() {
        return properties.maxWords();
    }
}
