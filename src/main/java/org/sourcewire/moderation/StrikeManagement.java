package org.sourcewire.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountSuspensions;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.pitches.PitchReport;
import org.sourcewire.pitches.PitchReports;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SiteUrls;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on reports and strikes: an upheld report is a strike against the pitch's source, who is told by e-mail;
 * enough strikes within the window suspend the source. Every decision goes into the audit log.
 */
@Service
@Transactional
class StrikeManagement {

    /** First key of the advisory lock that serialises strikes against one account (the second key is its id). */
    private static final int STRIKE_LOCK = 0x5354;

    private final PitchReports reports;
    private final Strikes strikes;
    private final AccountManagement accounts;
    private final AccountSuspensions suspensions;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final ModerationProperties properties;
    private final JdbcClient jdbc;
    private final Messages messages;
    private final Clock clock;

    StrikeManagement(PitchReports reports, Strikes strikes, AccountManagement accounts, AccountSuspensions suspensions,
            AuditLog audit, Outbox outbox, SiteUrls urls, ModerationProperties properties, JdbcClient jdbc,
            Messages messages, Clock clock) {
        this.suspensions = suspensions;
        this.reports = reports;
        this.strikes = strikes;
        this.accounts = accounts;
        this.audit = audit;
        this.outbox = outbox;
        this.urls = urls;
        this.properties = properties;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    enum Outcome {
        /** A new strike. */
        STRUCK,
        /** A new strike, and the source reached the limit and is now suspended. */
        SUSPENDED,
        /** The pitch already had a strike from another report on it; one pitch is one strike. */
        ALREADY_STRUCK
    }

    /**
     * Upholds an open report: a strike against the pitch's source with the given reason (blank: the report's own),
     * a warning e-mail, and suspension when the strike reaches the limit.
     *
     * @throws RuleException if the report was already decided
     */
    Outcome uphold(long reportId, String reason, Actor admin) {
        PitchReport report = reports.find(reportId).orElseThrow(() -> new RuleException(null, "moderation.rule.unknown-report"));
        if (!reports.decide(reportId, true)) {
            throw new RuleException(null, "moderation.rule.report-decided");
        }
        // Two admins upholding reports against one source at once must not both count below the limit.
        jdbc.sql("select pg_advisory_xact_lock(:kind, :id)").param("kind", STRIKE_LOCK)
                .param("id", (int) report.sourceAccountId()).query((rs, n) -> 1).list();
        audit.record(admin, "report.upheld", "report " + reportId, "Upheld a report ("
                + messages.text(report.reason().labelKey()) + ") on " + report.source() + "'s pitch to \""
                + report.headline() + "\"",
                Map.of("status", "OPEN"), Map.of("status", "UPHELD"));
        if (strikes.existsActiveForPitch(report.pitch())) {
            return Outcome.ALREADY_STRUCK;
        }
        Instant now = clock.instant();
        // Blank: the report's own reason ("Reported as spam."), in the words the form's placeholder shows.
        String told = reason == null || reason.isBlank() ? messages.text("moderation.reports.reported-as.placeholder",
                messages.text(report.reason().labelKey()).toLowerCase(java.util.Locale.ROOT)) : reason;
        Strike strike = strikes.saveAndFlush(Strike.forReport(report, told, admin.id(), now));
        long count = strikes.countActiveSince(report.sourceAccountId(), now.minus(properties.strikeWindow()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("account", report.sourceAccountId());
        after.put("report", reportId);
        after.put("reason", strike.toView().reason());
        after.put("strikesInWindow", count);
        audit.record(admin, "strike.created", "strike " + strike.getId(),
                "Strike " + count + " of " + properties.strikesToSuspend() + " for " + report.source(), null, after);
        AccountView source = accounts.find(report.sourceAccountId()).orElseThrow();
        outbox.queue(new Email(source.email(), Email.subject("mail.strike.subject"), "mail/strike",
                Map.of("name", source.displayName(), "headline", report.headline(), "reason", strike.toView().reason(),
                        "count", count, "limit", properties.strikesToSuspend(), "window", messages.text(properties.window()),
                        "link", urls.link("/standing"))));
        if (count >= properties.strikesToSuspend() && suspensions.suspendForStrikes(source.id(), admin,
                messages.text("moderation.text.suspension-reason", count, messages.text(properties.window()),
                        strike.toView().reason()))) {
            return Outcome.SUSPENDED;
        }
        return Outcome.STRUCK;
    }

    /** @throws RuleException if the report was already decided */
    void dismiss(long reportId, Actor admin) {
        PitchReport report = reports.find(reportId).orElseThrow(() -> new RuleException(null, "moderation.rule.unknown-report"));
        if (!reports.decide(reportId, false)) {
            throw new RuleException(null, "moderation.rule.report-decided");
        }
        audit.record(admin, "report.dismissed", "report " + reportId, "Dismissed a report ("
                + messages.text(report.reason().labelKey()) + ") on " + report.source() + "'s pitch to \""
                + report.headline() + "\"",
                Map.of("status", "OPEN"), Map.of("status", "DISMISSED"));
    }

    /** The source appeals their own strike, once. */
    void appeal(long strikeId, long sourceAccountId, String note, Actor source) {
        Strike strike = strikes.findForUpdate(strikeId).filter(found -> found.getAccountId() == sourceAccountId)
                .orElseThrow(StrikeNotFoundException::new);
        strike.appeal(note, clock.instant());
        audit.record(source, "strike.appealed", "strike " + strikeId, "Appealed a strike: " + note.strip(),
                Map.of("appealed", false), Map.of("appealed", true, "note", note.strip()));
    }

    /** An admin withdraws a strike (granting the appeal, if one waits). A suspension stays until an admin lifts it. */
    void withdraw(long strikeId, String note, Actor admin) {
        Strike strike = strikes.findForUpdate(strikeId).orElseThrow(StrikeNotFoundException::new);
        boolean appealed = strike.isAppealPending();
        strike.withdraw(note, admin.id(), clock.instant());
        audit.record(admin, appealed ? "strike.appeal-granted" : "strike.withdrawn", "strike " + strikeId,
                (appealed ? "Granted the appeal and withdrew strike " : "Withdrew strike ") + strikeId
                        + (note == null || note.isBlank() ? "" : ": " + note.strip()),
                Map.of("withdrawn", false), Map.of("withdrawn", true));
        tellSource(strike, true, note);
    }

    /** An admin rejects the appeal: the strike stays. */
    void keep(long strikeId, String note, Actor admin) {
        Strike strike = strikes.findForUpdate(strikeId).orElseThrow(StrikeNotFoundException::new);
        strike.keep(clock.instant());
        audit.record(admin, "strike.appeal-rejected", "strike " + strikeId, "Kept strike " + strikeId + " on appeal"
                + (note == null || note.isBlank() ? "" : ": " + note.strip()),
                Map.of("appeal", "WAITING"), Map.of("appeal", "KEPT"));
        tellSource(strike, false, note);
    }

    @Transactional(readOnly = true)
    Standing standing(long accountId) {
        List<StrikeView> all = strikes.findByAccountIdOrderByCreatedAtDescIdDesc(accountId).stream().map(Strike::toView)
                .toList();
        Instant since = clock.instant().minus(properties.strikeWindow());
        long counting = all.stream().filter(strike -> strike.countsSince(since)).count();
        return new Standing(all, counting, properties.strikesToSuspend(), messages.text(properties.window()), since);
    }

    @Transactional(readOnly = true)
    Page<StrikeView> forAdmins(Pageable page) {
        return strikes.findForAdmins(page).map(Strike::toView);
    }

    private void tellSource(Strike strike, boolean withdrawn, String note) {
        accounts.find(strike.getAccountId()).ifPresent(source -> {
            Map<String, Object> model = new HashMap<>();
            model.put("name", source.displayName());
            model.put("headline", strike.getHeadline());
            model.put("withdrawn", withdrawn);
            model.put("note", note == null || note.isBlank() ? null : note.strip());
            model.put("link", urls.link("/standing"));
            outbox.queue(new Email(source.email(), Email.subject(withdrawn ? "mail.strike-decision.subject.withdrawn"
                    : "mail.strike-decision.subject.kept"), "mail/strike-decision", model));
        });
    }

    /**
     * A source's standing: every strike (newest first), how many count now, the limit and the window.
     *
     * @param since strikes after this instant count
     */
    record Standing(List<StrikeView> strikes, long counting, int limit, String window, Instant since) {

        public long remaining() {
            return Math.max(0, limit - counting);
        }
    }
}
