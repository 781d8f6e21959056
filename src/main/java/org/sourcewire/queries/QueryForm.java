package org.sourcewire.queries;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.shared.WebAddress;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/** The query form. A draft needs only a headline; submitting needs everything PRODUCT.md lists. */
record QueryForm(
        @NotBlank(message = "Enter a headline.")
        @Size(max = 200, message = "Use at most 200 characters.")
        String headline,

        Long topicId,

        @Size(max = 120, message = "Use at most 120 characters.")
        String outletName,

        @Size(max = 300, message = "Use at most 300 characters.")
        @WebAddress
        String outletUrl,

        MediaType mediaType,

        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        LocalDateTime deadline,

        String timeZone,

        List<String> questions,

        @Size(max = 1000, message = "Use at most 1,000 characters.")
        String requirements,

        @Size(max = 200, message = "Use at most 200 characters.")
        String requiredCredential,

        @Size(max = 100, message = "Use at most 100 characters.")
        String region,

        Boolean firstHandOnly,

        @Min(value = 1, message = "Enter a cap of at least 1, or leave it empty for no cap.")
        @Max(value = 500, message = "The cap can be at most 500 pitches.")
        Integer pitchCap,

        LinkPolicy linkPolicy,

        Boolean anonymous) {

    static final int MAX_QUESTIONS = 5;
    static final int MAX_QUESTION_LENGTH = 500;
    static final String DEFAULT_ZONE = "America/New_York";

    static QueryForm blank(AccountView journalist) {
        return new QueryForm("", null, journalist.outletName(), journalist.outletUrl(), null, null, DEFAULT_ZONE,
                List.of(""), "", "", "", false, null, null, false);
    }

    static QueryForm of(QueryView query) {
        ZoneId zone = ZoneId.of(query.timeZone());
        return new QueryForm(query.headline(), query.topicId(), query.outletName(), query.outletUrl(), query.mediaType(),
                query.deadline() == null ? null : LocalDateTime.ofInstant(query.deadline(), zone), query.timeZone(),
                query.questions().isEmpty() ? List.of("") : query.questions(), query.requirements(),
                query.requiredCredential(), query.region(), query.firstHandOnly(), query.pitchCap(), query.linkPolicy(),
                query.anonymous());
    }

    /** Question rows as typed, never empty (the form always shows one row). */
    List<String> questionRows() {
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
        return new QueryForm(headline, topicId, outletName, outletUrl, mediaType, deadline, timeZone, rows, requirements,
                requiredCredential, region, firstHandOnly, pitchCap, linkPolicy, anonymous);
    }

    /** The checks Bean Validation cannot express; {@code submitting} adds the fields a published query needs. */
    void validate(Errors errors, boolean submitting, Clock clock) {
        List<String> rows = questionRows();
        if (rows.size() > MAX_QUESTIONS) {
            errors.rejectValue("questions", "tooMany", "Ask at most 5 questions.");
        }
        for (int i = 0; i < Math.min(rows.size(), MAX_QUESTIONS); i++) {
            String question = rows.get(i);
            if (question != null && question.strip().length() > MAX_QUESTION_LENGTH) {
                errors.rejectValue("questions[" + i + "]", "tooLong", "Use at most 500 characters per question.");
            }
        }
        ZoneId zone = zone();
        if (zone == null) {
            errors.rejectValue("timeZone", "invalid", "Choose a time zone from the list.");
        }
        if (!submitting) {
            return;
        }
        if (topicId == null) {
            errors.rejectValue("topicId", "required", "Choose the topic of your query.");
        }
        if (blank(outletName)) {
            errors.rejectValue("outletName", "required", "Enter the outlet this is for.");
        }
        if (blank(outletUrl)) {
            errors.rejectValue("outletUrl", "required", "Enter the outlet's web address.");
        }
        if (mediaType == null) {
            errors.rejectValue("mediaType", "required", "Choose the media type.");
        }
        if (linkPolicy == null) {
            errors.rejectValue("linkPolicy", "required", "Say whether you will link to the source.");
        }
        if (cleanQuestions().isEmpty() && !errors.hasFieldErrors("questions")) {
            errors.rejectValue("questions", "required", "Ask at least one question.");
        }
        if (deadline == null) {
            if (!errors.hasFieldErrors("deadline")) {
                errors.rejectValue("deadline", "required", "Choose a deadline.");
            }
        }
        else if (zone != null) {
            Instant at = deadline.atZone(zone).toInstant();
            Instant now = clock.instant();
            if (at.isBefore(now.plus(Query.MIN_LEAD_TIME))) {
                errors.rejectValue("deadline", "tooSoon", "The deadline must be at least one hour from now.");
            }
            else if (at.isAfter(now.plus(Query.MAX_LEAD_TIME))) {
                errors.rejectValue("deadline", "tooLate", "The deadline can be at most 30 days away.");
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
}
