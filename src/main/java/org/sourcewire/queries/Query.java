package org.sourcewire.queries;

import java.time.Duration;
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
import org.hibernate.annotations.BatchSize;

import org.springframework.data.domain.AbstractAggregateRoot;

/** A journalist's query and its life: draft → pending review → published → closed / expired, or rejected. */
@Entity
@Table(name = "journalist_query")
class Query extends AbstractAggregateRoot<Query> {

    static final Duration MIN_LEAD_TIME = Duration.ofHours(1);
    static final Duration MAX_LEAD_TIME = Duration.ofDays(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long journalistId;

    private String headline;

    private Long topicId;

    private String outletName;

    private String outletUrl;

    @Enumerated(EnumType.STRING)
    private MediaType mediaType;

    private Instant deadline;

    private String timeZone;

    // A page of queries (the journalist's list, the review queue) loads its questions in one statement, not one a query.
    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "query_question", joinColumns = @JoinColumn(name = "query_id"))
    @OrderColumn(name = "position")
    @Column(name = "question")
    private List<String> questions = new ArrayList<>();

    private String requirements;

    private String requiredCredential;

    private String region;

    private boolean firstHandOnly;

    private Integer pitchCap;

    @Enumerated(EnumType.STRING)
    private LinkPolicy linkPolicy;

    private boolean anonymous;

    @Enumerated(EnumType.STRING)
    private QueryStatus status;

    private String rejectionReason;

    private Instant submittedAt;

    private Instant publishedAt;

    private Instant closedAt;

    private Instant createdAt;

    /** The one-time key of the form that made this query (see {@link QueryManagement#createDraft}). */
    private UUID submissionKey;

    private Instant updatedAt;

    @Version
    private long version;

    protected Query() {
    }

    Query(long journalistId, QueryDetails details, Instant now, UUID submissionKey) {
        this.journalistId = journalistId;
        this.submissionKey = submissionKey;
        this.status = QueryStatus.DRAFT;
        this.createdAt = now;
        apply(details, now);
    }

    /** Only drafts are edited; once submitted a query changes only through its life-cycle actions. */
    void edit(QueryDetails details, Instant now) {
        if (status != QueryStatus.DRAFT) {
            throw new RuleException(null, "queries.rule.only-drafts-edited");
        }
        apply(details, now);
    }

    /**
     * Sends the draft on: straight to publication when {@code autoApprove}, else to the review queue. Refuses a
     * deadline less than an hour ahead or more than 30 days ahead.
     */
    void submit(Instant now, boolean autoApprove) {
        if (status != QueryStatus.DRAFT) {
            throw new RuleException(null, "queries.rule.already-submitted");
        }
        checkDeadline(now);
        submittedAt = now;
        updatedAt = now;
        if (autoApprove) {
            publish(now);
        }
        else {
            status = QueryStatus.PENDING_REVIEW;
        }
    }

    void approve(Instant now) {
        if (status != QueryStatus.PENDING_REVIEW) {
            throw new RuleException(null, "queries.rule.approve-only-pending");
        }
        if (!deadline.isAfter(now)) {
            throw new RuleException(null, "queries.rule.deadline-passed");
        }
        publish(now);
    }

    void reject(String reason, Instant now) {
        if (status != QueryStatus.PENDING_REVIEW) {
            throw new RuleException(null, "queries.rule.reject-only-pending");
        }
        status = QueryStatus.REJECTED;
        rejectionReason = reason;
        updatedAt = now;
    }

    /** Stops a pending or published query; returns false if it was not open. */
    boolean close(Instant now) {
        if (status != QueryStatus.PUBLISHED && status != QueryStatus.PENDING_REVIEW) {
            return false;
        }
        status = QueryStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
        return true;
    }

    /** A new draft with the same content; the deadline is left for the journalist to choose again. */
    Query duplicate(Instant now, UUID submissionKey) {
        return new Query(journalistId, new QueryDetails(headline, topicId, outletName, outletUrl, mediaType, null,
                timeZone, List.copyOf(questions), requirements, requiredCredential, region, firstHandOnly, pitchCap,
                linkPolicy, anonymous), now, submissionKey);
    }

    private void publish(Instant now) {
        status = QueryStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
        registerEvent(new QueryPublished(id, topicId));
    }

    private void checkDeadline(Instant now) {
        if (deadline == null) {
            throw new RuleException("deadline", "queries.rule.deadline-required");
        }
        if (deadline.isBefore(now.plus(MIN_LEAD_TIME))) {
            throw new RuleException("deadline", "queries.rule.deadline-too-soon");
        }
        if (deadline.isAfter(now.plus(MAX_LEAD_TIME))) {
            throw new RuleException("deadline", "queries.rule.deadline-too-late");
        }
    }

    private void apply(QueryDetails details, Instant now) {
        headline = details.headline();
        topicId = details.topicId();
        outletName = details.outletName();
        outletUrl = details.outletUrl();
        mediaType = details.mediaType();
        deadline = details.deadline();
        timeZone = details.timeZone();
        questions.clear();
        questions.addAll(details.questions());
        requirements = details.requirements();
        requiredCredential = details.requiredCredential();
        region = details.region();
        firstHandOnly = details.firstHandOnly();
        pitchCap = details.pitchCap();
        linkPolicy = details.linkPolicy();
        anonymous = details.anonymous();
        updatedAt = now;
    }

    QueryDetails details() {
        return new QueryDetails(headline, topicId, outletName, outletUrl, mediaType, deadline, timeZone,
                List.copyOf(questions), requirements, requiredCredential, region, firstHandOnly, pitchCap, linkPolicy,
                anonymous);
    }

    Long getId() {
        return id;
    }

    long getJournalistId() {
        return journalistId;
    }

    QueryStatus getStatus() {
        return status;
    }

    String getHeadline() {
        return headline;
    }

    String getRejectionReason() {
        return rejectionReason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    Instant getDeadline() {
        return deadline;
    }
}
