package org.sourcewire.pitches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sourcewire.shared.RuleException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/** A source's pitch to one query, and the journalist's decisions on it. */
@Entity
@Table(name = "pitch")
class Pitch extends AbstractAggregateRoot<Pitch> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID publicId;

    private long queryId;

    private long sourceId;

    @Enumerated(EnumType.STRING)
    private PitchStatus status;

    private String whyMe;

    private int wordCount;

    private UUID submissionKey;

    @Enumerated(EnumType.STRING)
    private DeclineReason declineReason;

    private String articleUrl;

    private Instant submittedAt;

    private Instant updatedAt;

    private Instant viewedAt;

    private Instant statusChangedAt;

    @ElementCollection
    @CollectionTable(name = "pitch_answer", joinColumns = @JoinColumn(name = "pitch_id"))
    @OrderColumn(name = "position")
    @Column(name = "answer")
    private List<String> answers = new ArrayList<>();

    @Version
    private long version;

    protected Pitch() {
    }

    long getId() {
        return id;
    }

    UUID getPublicId() {
        return publicId;
    }

    long getQueryId() {
        return queryId;
    }

    long getSourceId() {
        return sourceId;
    }

    PitchStatus getStatus() {
        return status;
    }

    List<String> getAnswers() {
        return answers;
    }

    String getWhyMe() {
        return whyMe;
    }

    /** Until the journalist has opened it, the source may still change or withdraw it. */
    boolean isEditable() {
        return status == PitchStatus.SUBMITTED;
    }

    void edit(List<String> newAnswers, String newWhyMe, int words, Instant now) {
        if (!isEditable()) {
            throw new RuleException(null, "pitches.rule.opened-cannot-change");
        }
        answers.clear();
        answers.addAll(newAnswers);
        whyMe = newWhyMe;
        wordCount = words;
        updatedAt = now;
    }

    /** Opening a pitch marks it viewed (once); later decisions keep their own status. */
    boolean markViewed(Instant now) {
        if (status != PitchStatus.SUBMITTED) {
            return false;
        }
        viewedAt = now;
        return move(PitchStatus.VIEWED, now);
    }

    /** @return whether the status changed (only then is the source told) */
    boolean shortlist(Instant now) {
        if (status == PitchStatus.USED) {
            throw new RuleException(null, "pitches.rule.already-used");
        }
        seen(now);
        declineReason = null;
        return move(PitchStatus.SHORTLISTED, now);
    }

    /** @return whether the status changed (only then is the source told) */
    boolean decline(DeclineReason reason, Instant now) {
        if (status == PitchStatus.USED) {
            throw new RuleException(null, "pitches.rule.already-used");
        }
        seen(now);
        declineReason = reason;
        return move(PitchStatus.DECLINED, now);
    }

    /** @return whether the status changed (only then is the source told) */
    boolean markUsed(String url, Instant now) {
        seen(now);
        declineReason = null;
        if (url != null && !url.equals(articleUrl)) {
            articleUrl = url;
            registerEvent(new ArticleRecorded(id, publicId, url, now));
        }
        return move(PitchStatus.USED, now);
    }

    DeclineReason getDeclineReason() {
        return declineReason;
    }

    Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    /**
     * Takes a decision back: the status, decline reason and time of change it had before. No event: the decision is
     * taken out of the history instead (it never reached the source), see {@code PitchTriage#undo}.
     */
    void restore(PitchStatus previous, DeclineReason reason, Instant changedAt, Instant now) {
        status = previous;
        declineReason = reason;
        statusChangedAt = changedAt;
        updatedAt = now;
    }

    boolean isUsed() {
        return status == PitchStatus.USED;
    }

    private void seen(Instant now) {
        if (viewedAt == null) {
            viewedAt = now;
        }
    }

    /**
     * A real change only: a repeated click changes nothing and raises nothing. Callers hold the row lock
     * ({@link Pitches#findForUpdate}), so the status compared here is the latest one.
     */
    private boolean move(PitchStatus next, Instant now) {
        if (status == next) {
            return false;
        }
        status = next;
        statusChangedAt = now;
        updatedAt = now;
        registerEvent(new PitchStatusChanged(id, sourceId, next, next == PitchStatus.DECLINED ? declineReason : null, now));
        return true;
    }
}
