package org.sourcewire.moderation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sourcewire.pitches.PitchReport;
import org.sourcewire.pitches.ReportReason;
import org.sourcewire.shared.RuleException;

/** A strike against a source for an upheld report; it can be appealed once and withdrawn by an admin. */
@Entity
@Table(name = "strike")
class Strike {

    enum AppealDecision {
        KEPT, WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;

    private Long reportId;

    private UUID pitchPublicId;

    private String headline;

    @Enumerated(EnumType.STRING)
    private ReportReason category;

    private String reason;

    private Long createdBy;

    private Instant createdAt;

    private Instant withdrawnAt;

    private Long withdrawnBy;

    private String withdrawalNote;

    private String appealNote;

    private Instant appealedAt;

    @Enumerated(EnumType.STRING)
    private AppealDecision appealDecision;

    private Instant appealDecidedAt;

    @Version
    private long version;

    protected Strike() {
    }

    /** @param reason what the source is told */
    static Strike forReport(PitchReport report, String reason, long adminId, Instant now) {
        Strike strike = new Strike();
        strike.accountId = report.sourceAccountId();
        strike.reportId = report.id();
        strike.pitchPublicId = report.pitch();
        strike.headline = report.headline();
        strike.category = report.reason();
        strike.reason = reason.strip();
        strike.createdBy = adminId;
        strike.createdAt = now;
        return strike;
    }

    void appeal(String note, Instant now) {
        if (isWithdrawn()) {
            throw new RuleException(null, "moderation.rule.appeal-withdrawn");
        }
        if (appealedAt != null) {
            throw new RuleException(null, "moderation.rule.already-appealed");
        }
        appealNote = note.strip();
        appealedAt = now;
    }

    /** Withdraws the strike; if an appeal was waiting, this grants it. */
    void withdraw(String note, long adminId, Instant now) {
        if (isWithdrawn()) {
            throw new RuleException(null, "moderation.rule.already-withdrawn");
        }
        if (isAppealPending()) {
            appealDecision = AppealDecision.WITHDRAWN;
            appealDecidedAt = now;
        }
        withdrawnAt = now;
        withdrawnBy = adminId;
        withdrawalNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** Rejects the waiting appeal: the strike stays. */
    void keep(Instant now) {
        if (!isAppealPending()) {
            throw new RuleException(null, "moderation.rule.no-appeal-waiting");
        }
        appealDecision = AppealDecision.KEPT;
        appealDecidedAt = now;
    }

    boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    boolean isAppealPending() {
        return appealedAt != null && appealDecision == null && !isWithdrawn();
    }

    StrikeView toView() {
        return new StrikeView(id, accountId, pitchPublicId, headline, category, reason, createdAt, withdrawnAt,
                withdrawalNote, appealNote, appealedAt, appealDecision, appealDecidedAt);
    }

    Long getId() {
        return id;
    }

    long getAccountId() {
        return accountId;
    }

    String getHeadline() {
        return headline;
    }
}
