package org.sourcewire.pitches;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Why a journalist declines a pitch: the reasons the inbox offers, the only ones a source is ever told. Stored by its
 * name ({@code pitch.decline_reason}, {@code pitch_status_change.reason}, {@code pitch_undo.previous_reason}).
 */
public enum DeclineReason {
    NOT_A_FIT("pitches.text.decline-reason.not-a-fit"),
    ENOUGH_SOURCES("pitches.text.decline-reason.enough-sources"),
    QUESTIONS_UNANSWERED("pitches.text.decline-reason.questions-unanswered"),
    OUTSIDE_REQUIREMENTS("pitches.text.decline-reason.outside-requirements"),
    DEADLINE_PASSED("pitches.text.decline-reason.deadline-passed");

    /**
     * The English that versions before V66 stored, posted and put in events instead of the name. Only read, never
     * shown: a form rendered before the upgrade and sent after it still gives its reason. V66 rewrote the stored rows.
     */
    private static final Map<String, DeclineReason> BEFORE_V66 = Map.of("Not a fit for this story", NOT_A_FIT,
            "We already have enough sources", ENOUGH_SOURCES, "Did not answer the questions", QUESTIONS_UNANSWERED,
            "Outside the requirements", OUTSIDE_REQUIREMENTS, "The deadline had passed for us", DEADLINE_PASSED);

    private final String labelKey;

    DeclineReason(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its words, as a key of messages.properties ({@code #{${reason.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }

    /**
     * The reason a form or an event names (its name, or the English of before V66), or null for none or anything else:
     * an unknown value is dropped, so no free text ever reaches a source.
     */
    @JsonCreator
    public static DeclineReason of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        for (DeclineReason reason : values()) {
            if (reason.name().equals(clean)) {
                return reason;
            }
        }
        return BEFORE_V66.get(clean);
    }

    /** The reason a column holds (its name; the columns allow nothing else), or null. */
    static DeclineReason stored(String name) {
        return name == null ? null : valueOf(name);
    }
}
