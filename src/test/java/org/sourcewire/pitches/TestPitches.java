package org.sourcewire.pitches;

import org.sourcewire.accounts.CurrentUser;

import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Pitches for tests in other modules, sent through the real pitch form ({@link PitchMother}). */
public final class TestPitches {

    private TestPitches() {
    }

    /** @return the pitch's path, {@code /pitches/{publicId}}; {@code overrides} are field/value pairs. */
    public static String sent(MockMvcTester mvc, CurrentUser source, long queryId, String... overrides) {
        String path = PitchMother.sentPath(mvc, source, queryId, overrides);
        if (path == null || !path.startsWith("/pitches/")) {
            throw new IllegalStateException("The pitch was not sent: " + path);
        }
        return path;
    }
}
