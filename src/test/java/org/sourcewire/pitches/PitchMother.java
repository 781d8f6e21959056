package org.sourcewire.pitches;

import java.util.UUID;

import org.sourcewire.accounts.CurrentUser;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Pitch form posts: three good answers (about 170 words) unless a test overrides a field. */
final class PitchMother {

    static final String ANSWER = "Shift workers try to sleep in one long block after a night shift and fight their body "
            + "clock. Split sleep works better: four hours after the shift and a ninety minute nap before the next. "
            + "Dark, cool rooms matter more than any pill.";

    private PitchMother() {
    }

    static MockMvcRequestBuilder pitch(MockMvcTester mvc, CurrentUser source, long queryId, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("answers[0]", ANSWER);
        fields.put("answers[1]", "Melatonin helps a little when taken at the right time: a low dose a few hours before "
                + "the planned sleep, not at bedtime.");
        fields.put("answers[2]", "Forward-rotating rosters (morning, then evening, then night) and no quick returns "
                + "under eleven hours.");
        fields.put("whyMe", "I run a sleep clinic for night-shift nurses.");
        fields.put("submissionKey", UUID.randomUUID().toString());
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockMvcRequestBuilder post = mvc.post().uri("/queries/" + queryId + "/pitch").with(csrf()).with(as(source));
        fields.forEach(post::param);
        return post;
    }

    /**
     * Sends the pitch form and returns where it led: for a sent pitch its page, {@code /pitches/{publicId}} (without
     * the {@code ?sent=true} that shows the confirmation).
     */
    static String sentPath(MockMvcTester mvc, CurrentUser source, long queryId, String... overrides) {
        String path = withoutConfirmation(pitch(mvc, source, queryId, overrides).exchange().getResponse().getRedirectedUrl());
        if (path != null && path.startsWith("/pitches/")) {
            TestScreening.awaitScreened(path);
        }
        return path;
    }

    static String withoutConfirmation(String location) {
        return location != null && location.endsWith("?sent=true") ? location.substring(0, location.length() - "?sent=true".length())
                : location;
    }
}
