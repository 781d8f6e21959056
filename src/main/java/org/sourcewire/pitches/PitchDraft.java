package org.sourcewire.pitches;

import java.util.List;

import org.sourcewire.shared.Words;

/** What a source sends: one answer per question (blank for skipped ones), an optional "why me" line. */
record PitchDraft(List<String> answers, String whyMe, boolean confirmsRequirements,
        PitchAttributions.WrittenBy writtenBy) {

    PitchDraft(List<String> answers, String whyMe, boolean confirmsRequirements) {
        this(answers, whyMe, confirmsRequirements, null);
    }

    int words() {
        return answers.stream().mapToInt(PitchDraft::count).sum() + count(whyMe);
    }

    static int count(String text) {
        return Words.count(text);
    }
}
