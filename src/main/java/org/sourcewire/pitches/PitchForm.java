package org.sourcewire.pitches;

import org.sourcewire.shared.OneTimeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

/** The pitch form: one answer per question, an optional "why me" line, the requirements confirmation. */
class PitchForm {

    static final int MAX_ANSWER_LENGTH = 4000;

    private List<String> answers = new ArrayList<>();

    @Size(max = 200, message = "Keep it to one line: at most 200 characters.")
    private String whyMe;

    private Boolean confirmsRequirements;

    /** Ticked when someone else (an agency) wrote the pitch for the source; then both names are required. */
    private Boolean writtenForMe;

    @Size(max = 100, message = "Keep the name under 100 characters.")
    private String writtenByName;

    @Size(max = 120, message = "Keep the organisation under 120 characters.")
    private String writtenByOrganisation;

    private String submissionKey;

    static PitchForm blank(int questions) {
        PitchForm form = new PitchForm();
        for (int i = 0; i < questions; i++) {
            form.answers.add("");
        }
        form.submissionKey = UUID.randomUUID().toString();
        return form;
    }

    static PitchForm of(PitchViews.Detail pitch) {
        PitchForm form = new PitchForm();
        pitch.answers().forEach(answer -> form.answers.add(answer.answer()));
        form.whyMe = pitch.whyMe();
        form.confirmsRequirements = true;
        form.submissionKey = UUID.randomUUID().toString();
        return form;
    }

    static PitchForm of(PitchViews.Detail pitch, PitchAttributions.WrittenBy writtenBy) {
        PitchForm form = of(pitch);
        if (writtenBy != null) {
            form.writtenForMe = true;
            form.writtenByName = writtenBy.name();
            form.writtenByOrganisation = writtenBy.organisation();
        }
        return form;
    }

    /** Rows to show: one per question, whatever was posted. */
    List<String> rows(int questions) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            rows.add(answers != null && i < answers.size() && answers.get(i) != null ? answers.get(i) : "");
        }
        return rows;
    }

    void validate(org.springframework.validation.Errors errors, int questions) {
        List<String> rows = rows(questions);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length() > MAX_ANSWER_LENGTH) {
                errors.rejectValue("answers[" + i + "]", "tooLong", "Keep each answer under 4,000 characters.");
            }
        }
        if (Boolean.TRUE.equals(writtenForMe)) {
            if (writtenByName == null || writtenByName.isBlank()) {
                errors.rejectValue("writtenByName", "required", "Say who wrote the pitch for you.");
            }
            if (writtenByOrganisation == null || writtenByOrganisation.isBlank()) {
                errors.rejectValue("writtenByOrganisation", "required", "Say which organisation they work for, e.g. the PR agency.");
            }
        }
    }

    PitchDraft toDraft(int questions) {
        return new PitchDraft(rows(questions), whyMe, Boolean.TRUE.equals(confirmsRequirements),
                Boolean.TRUE.equals(writtenForMe) && writtenByName != null && writtenByOrganisation != null
                        ? new PitchAttributions.WrittenBy(oneLine(writtenByName), oneLine(writtenByOrganisation)) : null);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The form's one-time key; a missing or malformed one gets a fresh key (the unique index still guards). */
    UUID key() {
        return OneTimeKey.from(submissionKey);
    }

    public List<String> getAnswers() {
        return answers;
    }

    public void setAnswers(List<String> answers) {
        this.answers = answers;
    }

    public String getWhyMe() {
        return whyMe;
    }

    public void setWhyMe(String whyMe) {
        this.whyMe = whyMe;
    }

    public Boolean getConfirmsRequirements() {
        return confirmsRequirements;
    }

    public void setConfirmsRequirements(Boolean confirmsRequirements) {
        this.confirmsRequirements = confirmsRequirements;
    }

    public Boolean getWrittenForMe() {
        return writtenForMe;
    }

    public void setWrittenForMe(Boolean writtenForMe) {
        this.writtenForMe = writtenForMe;
    }

    public String getWrittenByName() {
        return writtenByName;
    }

    public void setWrittenByName(String writtenByName) {
        this.writtenByName = writtenByName;
    }

    public String getWrittenByOrganisation() {
        return writtenByOrganisation;
    }

    public void setWrittenByOrganisation(String writtenByOrganisation) {
        this.writtenByOrganisation = writtenByOrganisation;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }
}
