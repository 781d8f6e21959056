package org.sourcewire.pitches;

import java.util.List;

import jakarta.validation.constraints.Size;

/** The expert's pitch form: the fields every pitch form has, and who wrote it when someone else did. */
class PitchForm extends PitchFormFields {

    static final int MAX_ANSWER_LENGTH = 4000;

    /** Ticked when someone else (an agency) wrote the pitch for the source; then both names are required. */
    private Boolean writtenForMe;

    @Size(max = 100, message = "{validation.keep-the-name-under-100-characters}")
    private String writtenByName;

    @Size(max = 120, message = "{validation.keep-the-organisation-under-120-characters}")
    private String writtenByOrganisation;

    static PitchForm blank(int questions) {
        PitchForm form = new PitchForm();
        for (int i = 0; i < questions; i++) {
            form.getAnswers().add("");
        }
        form.newKey();
        return form;
    }

    static PitchForm of(PitchViews.Detail pitch) {
        PitchForm form = new PitchForm();
        pitch.answers().forEach(answer -> form.getAnswers().add(answer.answer()));
        form.setWhyMe(pitch.whyMe());
        form.setConfirmsRequirements(true);
        form.newKey();
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

    void validate(org.springframework.validation.Errors errors, int questions) {
        List<String> rows = rows(questions);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length() > MAX_ANSWER_LENGTH) {
                errors.rejectValue("answers[" + i + "]", "pitches.rule.answer-too-long");
            }
        }
        if (Boolean.TRUE.equals(writtenForMe)) {
            if (writtenByName == null || writtenByName.isBlank()) {
                errors.rejectValue("writtenByName", "pitches.rule.written-by-name-missing");
            }
            if (writtenByOrganisation == null || writtenByOrganisation.isBlank()) {
                errors.rejectValue("writtenByOrganisation", "pitches.rule.written-by-organisation-missing");
            }
        }
    }

    PitchDraft toDraft(int questions) {
        return new PitchDraft(rows(questions), getWhyMe(), confirmed(),
                Boolean.TRUE.equals(writtenForMe) && writtenByName != null && writtenByOrganisation != null
                        ? new PitchAttributions.WrittenBy(oneLine(writtenByName), oneLine(writtenByOrganisation)) : null);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
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
}
