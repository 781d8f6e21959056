package org.sourcewire.queries;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.shared.TimeZones;
import org.sourcewire.shared.WebAddress;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The query form. A draft needs only a headline; submitting needs everything PRODUCT.md lists. A JavaBean rather than
 * a record: with setter binding a value of the wrong type (a topic id "x") becomes a field error, while constructor
 * binding would leave no form to show the error on.
 */
class QueryForm {

    @NotBlank(message = "{validation.enter-a-headline}")
    @Size(max = 200, message = "{validation.use-at-most-200-characters}")
    private String headline;

    private Long topicId;

    @Size(max = 120, message = "{validation.use-at-most-120-characters}")
    private String outletName;

    @Size(max = 300, message = "{validation.use-at-most-300-characters}")
    @WebAddress
    private String outletUrl;

    private MediaType mediaType;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime deadline;

    private String timeZone;

    private List<String> questions = new ArrayList<>();

    @Size(max = 1000, message = "{validation.use-at-most-1-000-characters}")
    private String requirements;

    @Size(max = 200, message = "{validation.use-at-most-200-characters}")
    private String requiredCredential;

    @Size(max = 100, message = "{validation.use-at-most-100-characters}")
    private String region;

    private Boolean firstHandOnly;

    /** A new query's one-time key (see {@link QueryManagement#createDraft}); drafts being edited have none. */
    private String submissionKey;

    @Min(value = 1, message = "{validation.enter-a-cap-of-at-least-1}")
    @Max(value = 500, message = "{validation.the-cap-can-be-at-most-500}")
    private Integer pitchCap;

    private LinkPolicy linkPolicy;

    private Boolean anonymous;

    public QueryForm() {
    }

    QueryForm(String headline, Long topicId, String outletName, String outletUrl, MediaType mediaType,
            LocalDateTime deadline, String timeZone, List<String> questions, String requirements,
            String requiredCredential, String region, Boolean firstHandOnly, Integer pitchCap, LinkPolicy linkPolicy,
            Boolean anonymous) {
        this.headline = headline;
        this.topicId = topicId;
        this.outletName = outletName;
        this.outletUrl = outletUrl;
        this.mediaType = mediaType;
        this.deadline = deadline;
        this.timeZone = timeZone;
        this.questions = new ArrayList<>(questions);
        this.requirements = requirements;
        this.requiredCredential = requiredCredential;
        this.region = region;
        this.firstHandOnly = firstHandOnly;
        this.pitchCap = pitchCap;
        this.linkPolicy = linkPolicy;
        this.anonymous = anonymous;
    }

    static final int MAX_QUESTIONS = 5;
    static final int MAX_QUESTION_LENGTH = 500;
    static final String DEFAULT_ZONE = "America/New_York";

    /** When a new query's deadline is unless the journalist changes it: 17:00, two working days ahead. */
    static final LocalTime DEFAULT_DEADLINE_TIME = LocalTime.of(17, 0);
    static final int DEFAULT_DEADLINE_WORKING_DAYS = 2;

    /**
     * A new query in the viewer's zone (or the default zone when the browser has not said), due at 17:00 two working
     * days ahead there: the usual lead time of a press query, and always inside the one-hour to 30-day window.
     */
    static QueryForm blank(AccountView journalist, Optional<ZoneId> viewerZone, Instant now) {
        String zone = viewerZone.flatMap(TimeZones::listed).orElse(DEFAULT_ZONE);
        QueryForm form = new QueryForm("", null, journalist.outletName(), journalist.outletUrl(), null,
                defaultDeadline(ZoneId.of(zone), now), zone, List.of(""), "", "", "", false, null, null, false);
        form.setSubmissionKey(UUID.randomUUID().toString());
        return form;
    }

    static LocalDateTime defaultDeadline(ZoneId zone, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        for (int working = 0; working < DEFAULT_DEADLINE_WORKING_DAYS; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                working++;
            }
        }
        return day.atTime(DEFAULT_DEADLINE_TIME);
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }

    static QueryForm of(QueryView query) {
        ZoneId zone = ZoneId.of(query.timeZone());
        return new QueryForm(query.headline(), query.topicId(), query.outletName(), query.outletUrl(), query.mediaType(),
                query.deadline() == null ? null : LocalDateTime.ofInstant(query.deadline(), zone),
                TimeZones.listed(zone).orElse(query.timeZone()),
                query.questions().isEmpty() ? List.of("") : query.questions(), query.requirements(),
                query.requiredCredential(), query.region(), query.firstHandOnly(), query.pitchCap(), query.linkPolicy(),
                query.anonymous());
    }

    /** Question rows as typed, never empty (the form always shows one row). */
    public List<String> questionRows() {
        return questions == null || questions.isEmpty() ? List.of("") : questions;
    }

    QueryForm withQuestionAdded() {
        List<String> rows = new ArrayList<>(questionRows());
        if (rows.size() < MAX_QUESTIONS) {
            rows.add("");
        }
        return withQuestions(rows);
    }

    QueryForm withQuestionRemoved(int index) {
        List<String> rows = new ArrayList<>(questionRows());
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return withQuestions(rows.isEmpty() ? List.of("") : rows);
    }

    private QueryForm withQuestions(List<String> rows) {
        QueryForm changed = new QueryForm(headline, topicId, outletName, outletUrl, mediaType, deadline, timeZone, rows,
                requirements, requiredCredential, region, firstHandOnly, pitchCap, linkPolicy, anonymous);
        changed.setSubmissionKey(submissionKey);
        return changed;
    }

    /** The checks Bean Validation cannot express; {@code submitting} adds the fields a published query needs. */
    void validate(Errors errors, boolean submitting, Clock clock) {
        List<String> rows = questionRows();
        if (rows.size() > MAX_QUESTIONS) {
            errors.rejectValue("questions", "queries.rule.too-many-questions", new Object[] { MAX_QUESTIONS }, null);
        }
        for (int i = 0; i < Math.min(rows.size(), MAX_QUESTIONS); i++) {
            String question = rows.get(i);
            if (question != null && question.strip().length() > MAX_QUESTION_LENGTH) {
                errors.rejectValue("questions[" + i + "]", "queries.rule.question-too-long",
                        new Object[] { MAX_QUESTION_LENGTH }, null);
            }
        }
        ZoneId zone = zone();
        if (zone == null) {
            errors.rejectValue("timeZone", "queries.rule.time-zone-invalid");
        }
        if (deadline != null && (deadline.getYear() < 2000 || deadline.getYear() > 9999)) {
            // A draft keeps any deadline until it is submitted, but not one no calendar (or database) holds.
            errors.rejectValue("deadline", "queries.rule.deadline-invalid");
        }
        if (!submitting) {
            return;
        }
        if (topicId == null) {
            errors.rejectValue("topicId", "queries.rule.topic-required");
        }
        if (blank(outletName)) {
            errors.rejectValue("outletName", "queries.rule.outlet-name-required");
        }
        if (blank(outletUrl)) {
            errors.rejectValue("outletUrl", "queries.rule.outlet-url-required");
        }
        if (mediaType == null) {
            errors.rejectValue("mediaType", "queries.rule.media-type-required");
        }
        if (linkPolicy == null) {
            errors.rejectValue("linkPolicy", "queries.rule.link-policy-required");
        }
        if (cleanQuestions().isEmpty() && !errors.hasFieldErrors("questions")) {
            errors.rejectValue("questions", "queries.rule.questions-required");
        }
        if (deadline == null) {
            if (!errors.hasFieldErrors("deadline")) {
                errors.rejectValue("deadline", "queries.rule.deadline-required");
            }
        }
        else if (zone != null && !errors.hasFieldErrors("deadline")) {
            Instant at = deadline.atZone(zone).toInstant();
            Instant now = clock.instant();
            if (at.isBefore(now.plus(Query.MIN_LEAD_TIME))) {
                errors.rejectValue("deadline", "queries.rule.deadline-too-soon");
            }
            else if (at.isAfter(now.plus(Query.MAX_LEAD_TIME))) {
                errors.rejectValue("deadline", "queries.rule.deadline-too-late");
            }
        }
    }

    QueryDetails toDetails() {
        ZoneId zone = zone() == null ? ZoneId.of(DEFAULT_ZONE) : zone();
        return new QueryDetails(headline.strip(), topicId, clean(outletName), clean(outletUrl), mediaType,
                deadline == null ? null : deadline.atZone(zone).toInstant(), zone.getId(), cleanQuestions(),
                clean(requirements), clean(requiredCredential), clean(region), Boolean.TRUE.equals(firstHandOnly),
                pitchCap, linkPolicy, Boolean.TRUE.equals(anonymous));
    }

    private List<String> cleanQuestions() {
        return questionRows().stream().filter(question -> !blank(question)).map(String::strip).limit(MAX_QUESTIONS).toList();
    }

    private ZoneId zone() {
        try {
            return timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone);
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String clean(String value) {
        return blank(value) ? null : value.strip();
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public Long getTopicId() {
        return topicId;
    }

    public void setTopicId(Long topicId) {
        this.topicId = topicId;
    }

    public String getOutletName() {
        return outletName;
    }

    public void setOutletName(String outletName) {
        this.outletName = outletName;
    }

    public String getOutletUrl() {
        return outletUrl;
    }

    public void setOutletUrl(String outletUrl) {
        this.outletUrl = outletUrl;
    }

    public MediaType getMediaType() {
        return mediaType;
    }

    public void setMediaType(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public LocalDateTime getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDateTime deadline) {
        this.deadline = deadline;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<String> getQuestions() {
        return questions;
    }

    public void setQuestions(List<String> questions) {
        this.questions = questions;
    }

    public String getRequirements() {
        return requirements;
    }

    public void setRequirements(String requirements) {
        this.requirements = requirements;
    }

    public String getRequiredCredential() {
        return requiredCredential;
    }

    public void setRequiredCredential(String requiredCredential) {
        this.requiredCredential = requiredCredential;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Boolean getFirstHandOnly() {
        return firstHandOnly;
    }

    public void setFirstHandOnly(Boolean firstHandOnly) {
        this.firstHandOnly = firstHandOnly;
    }

    public Integer getPitchCap() {
        return pitchCap;
    }

    public void setPitchCap(Integer pitchCap) {
        this.pitchCap = pitchCap;
    }

    public LinkPolicy getLinkPolicy() {
        return linkPolicy;
    }

    public void setLinkPolicy(LinkPolicy linkPolicy) {
        this.linkPolicy = linkPolicy;
    }

    public Boolean getAnonymous() {
        return anonymous;
    }

    public void setAnonymous(Boolean anonymous) {
        this.anonymous = anonymous;
    }
}
