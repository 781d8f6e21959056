package org.sourcewire.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The app hashes passwords at bcrypt's default cost; only the tests' configuration lowers it. */
class PasswordHashingTests {

    @Test
    void theAppHashesAtSpringSecuritysDefaultCost() throws IOException {
        assertThat(Files.readString(Path.of("src/main/resources/application.yml"))).as("the app's own settings")
                .doesNotContain("password-hash-rounds");
        assertThat(encoder(0).encode("a long enough secret")).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void aHashMadeAtAnotherCostStillMatches() {
        String cheap = encoder(4).encode("a long enough secret");

        assertThat(cheap).startsWith("{bcrypt}$2a$04$");
        assertThat(encoder(0).matches("a long enough secret", cheap)).isTrue();
        assertThat(encoder(0).matches("another secret", cheap)).isFalse();
    }

    private static PasswordEncoder encoder(int rounds) {
        return new AccountsConfiguration().passwordEncoder(new AccountsProperties(null, null, null, null, rounds));
    }
}
