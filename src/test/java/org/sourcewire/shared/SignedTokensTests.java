package org.sourcewire.shared;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sourcewire.shared.SignedTokens.TokenCheck;
import org.sourcewire.shared.SignedTokens.TokenCheck.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** With a configured secret the tokens need no database (that is only where a generated key is kept). */
class SignedTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(24));

    private final SignedTokens tokens = tokens("a secret of the site", NOW);

    @Test
    void anIssuedTokenIsValidForItsPurposeAndNamesItsSubject() {
        String token = tokens.issue("verify", "ann@example.com", EXPIRY);

        TokenCheck check = tokens.check("verify", token);

        assertThat(check.isValid()).isTrue();
        assertThat(check.subject()).isEqualTo("ann@example.com");
    }

    @Test
    void aTokenForOnePurposeIsInvalidForAnother() {
        String verification = tokens.issue("verify", "ann@example.com", EXPIRY);

        assertThat(tokens.check("reset", verification)).isEqualTo(new TokenCheck(Status.INVALID, null));
    }

    @Test
    void aTokenIsValidUpToItsExpiryAndExpiredAfterItStillNamingItsSubject() {
        String token = tokens.issue("reset", "42", EXPIRY);

        assertThat(tokens("a secret of the site", EXPIRY).check("reset", token).isValid()).isTrue();
        TokenCheck late = tokens("a secret of the site", EXPIRY.plusSeconds(1)).check("reset", token);
        assertThat(late.status()).isEqualTo(Status.EXPIRED);
        assertThat(late.isValid()).isFalse();
        assertThat(late.subject()).isEqualTo("42");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsInvalid() {
        String token = tokens("another site's secret", NOW).issue("verify", "ann@example.com", EXPIRY);

        assertThat(tokens.check("verify", token).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenWhoseSubjectOrExpiryWasChangedIsInvalid() {
        String token = tokens.issue("unsubscribe", "7", EXPIRY);
        String signature = token.substring(token.indexOf('.'));

        String otherSubject = encode("unsubscribe\n8\n" + EXPIRY.getEpochSecond()) + signature;
        String laterExpiry = encode("unsubscribe\n7\n" + EXPIRY.plus(Duration.ofDays(365)).getEpochSecond()) + signature;

        assertThat(tokens.check("unsubscribe", encode("unsubscribe\n7\n" + EXPIRY.getEpochSecond()) + signature)
                .isValid()).as("the untouched payload, re-encoded").isTrue();
        assertThat(tokens.check("unsubscribe", otherSubject).status()).isEqualTo(Status.INVALID);
        assertThat(tokens.check("unsubscribe", laterExpiry).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenWithAChangedSignatureIsInvalid() {
        String token = tokens.issue("verify", "ann@example.com", EXPIRY);
        // The signature's first character (its last one carries padding bits a decoder may ignore).
        int first = token.indexOf('.') + 1;
        String changed = token.substring(0, first) + (token.charAt(first) == 'A' ? 'B' : 'A') + token.substring(first + 1);

        assertThat(tokens.check("verify", changed).status()).isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { ".", "abc", ".abc", "abc.", "not base64!.also not", "dmVyaWZ5.%%%", "a.b.c" })
    void malformedTokensAreInvalidAndThrowNothing(String token) {
        assertThat(tokens.check("verify", token).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aCorrectlySignedPayloadOfTheWrongShapeIsInvalid() {
        // A subject with a line break would shift the parts: the check counts them.
        String token = tokens.issue("verify", "ann@example.com\nverify", EXPIRY);

        assertThat(tokens.check("verify", token).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void anOverlongTokenIsRefusedUnread() {
        String token = tokens.issue("verify", "x".repeat(1500), EXPIRY);

        assertThat(token.length()).isGreaterThan(2000);
        assertThat(tokens.check("verify", token).status()).isEqualTo(Status.INVALID);
    }

    private static SignedTokens tokens(String secret, Instant now) {
        return new SignedTokens(null, Clock.fixed(now, ZoneOffset.UTC), secret);
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
