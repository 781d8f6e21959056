package org.sourcewire.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring tokens for links sent by e-mail (verification, password reset, unsubscribe). Stateless: the
 * token carries its purpose, subject and expiry, and an HMAC-SHA256 over all three.
 */
@Component
public class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String configuredSecret;
    private volatile byte[] key;

    SignedTokens(JdbcClient jdbc, Clock clock, @Value("${sourcewire.token-secret:}") String configuredSecret) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configuredSecret = configuredSecret;
    }

    public String issue(String purpose, String subject, Instant expiresAt) {
        String payload = purpose + "\n" + subject + "\n" + expiresAt.getEpochSecond();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
    }

    public TokenCheck check(String purpose, String token) {
        if (token == null || token.length() > 2000) {
            return TokenCheck.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return TokenCheck.INVALID;
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return TokenCheck.INVALID;
            }
            String[] parts = payload.split("\n", -1);
            if (parts.length != 3 || !parts[0].equals(purpose)) {
                return TokenCheck.INVALID;
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return clock.instant().isAfter(expiresAt) ? TokenCheck.expired(parts[1]) : TokenCheck.valid(parts[1]);
        }
        catch (IllegalArgumentException ex) {
            return TokenCheck.INVALID;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            current = configuredSecret.isBlank() ? storedKey() : configuredSecret.getBytes(StandardCharsets.UTF_8);
            key = current;
        }
        return current;
    }

    /** A key generated once per site and kept in the database, so links survive restarts and work on every instance. */
    private byte[] storedKey() {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql("insert into app_secret (name, value) values ('token-secret', :value) on conflict (name) do nothing")
                .param("value", ENCODER.encodeToString(candidate))
                .update();
        String stored = jdbc.sql("select value from app_secret where name = 'token-secret'").query(String.class).single();
        return DECODER.decode(stored);
    }

    /** The outcome of checking a token: valid, expired (the subject is still known) or invalid. */
    public record TokenCheck(Status status, String subject) {

        static final TokenCheck INVALID = new TokenCheck(Status.INVALID, null);

        static TokenCheck valid(String subject) {
            return new TokenCheck(Status.VALID, subject);
        }

        static TokenCheck expired(String subject) {
            return new TokenCheck(Status.EXPIRED, subject);
        }

        public boolean isValid() {
            return status == Status.VALID;
        }

        public enum Status {
            VALID, EXPIRED, INVALID
        }
    }
}
