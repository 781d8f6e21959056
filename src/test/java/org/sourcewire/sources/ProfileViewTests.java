package org.sourcewire.sources;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileViewTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Priya Nair                  | PN
            Dr. Priya Nair              | PN
            dr priya nair               | PN
            Prof. Dr. Hans Weber        | HW
            Mrs Ada Lovelace            | AL
            Ms. Grace Brewster Hopper   | GH
            Mr. Sam                     | S
            Sir Tim Berners-Lee         | TB
            Priya J. Nair, MD           | PN
            Zoë Ångström                | ZÅ
            Cher                        | C
            Hon Wai Lee                 | HL
            李                          | 李
            Dr.                         | D
            '  (Sam)  '                 | S
            """)
    void initialsSkipHonorificsAndPostNominals(String name, String initials) {
        assertThat(profile(name).initials()).isEqualTo(initials);
    }

    private static ProfileView profile(String name) {
        return new ProfileView(1, 1, "handle", name, null, null, null, null, null, "UTC", List.of(), List.of(), false,
                Instant.EPOCH);
    }
}
