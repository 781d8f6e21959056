package org.sourcewire.pitches;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.sourcewire.shared.OneTimeKey;

/**
 * What every pitch form posts, whoever writes the pitch: one answer per question (bound by index), an optional
 * "why me" line, the requirements confirmation and a one-time key that makes a double click send once. The expert's
 * own form adds who wrote it ({@link PitchForm}); a team writer's form is this alone.
 */
public class PitchFormFields {

    private List<String> answers = new ArrayList<>();

    @Size(max = 200, message = "{validation.keep-it-to-one-line-at-most}")
    private String whyMe;

    private Boolean confirmsRequirements;

    private String submissionKey;

    /** An empty form with a fresh one-time key. */
    public static PitchFormFields blank() {
        PitchFormFields form = new PitchFormFields();
        form.newKey();
        return form;
    }

    void newKey() {
        submissionKey = UUID.randomUUID().toString();
    }

    /** Rows to show or send: one per question, whatever was posted. */
    public List<String> rows(int questions) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            rows.add(answers != null && i < answers.size() && answers.get(i) != null ? answers.get(i) : "");
        }
        return rows;
    }

    public boolean confirmed() {
        return Boolean.TRUE.equals(confirmsRequirements);
    }

    /** The form's one-time key; a missing or malformed one gets a fresh key (the unique index still guards). */
    public UUID key() {
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

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }
}
