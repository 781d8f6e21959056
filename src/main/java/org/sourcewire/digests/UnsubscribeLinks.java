package org.sourcewire.digests;

import java.time.Instant;
import java.util.Optional;

import org.sourcewire.shared.SignedTokens;
import org.sourcewire.shared.SignedTokens.TokenCheck;
import org.sourcewire.shared.SiteUrls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The signed one-click unsubscribe link of a digest, and the source a link is for. */
@Component
class UnsubscribeLinks {

    static final String PURPOSE = "digest-unsubscribe";

    private final SignedTokens tokens;
    private final SiteUrls urls;
    private final DigestsProperties properties;
    private final JdbcClient jdbc;

    UnsubscribeLinks(SignedTokens tokens, SiteUrls urls, DigestsProperties properties, JdbcClient jdbc) {
        this.tokens = tokens;
        this.urls = urls;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    String link(long sourceId, Instant now) {
        String token = tokens.issue(PURPOSE, Long.toString(sourceId), now.plus(properties.unsubscribeLinkValidity()));
        return urls.link("/digests/unsubscribe", "token", token);
    }

    /**
     * The source a one-click unsubscribe link is for, if its signature holds. An expired link still unsubscribes:
     * its signature was checked, and stopping mail must always work.
     */
    Optional<Long> sourceOf(String token) {
        TokenCheck check = tokens.check(PURPOSE, token);
        if (check.status() == TokenCheck.Status.INVALID) {
            return Optional.empty();
        }
        try {
            long sourceId = Long.parseLong(check.subject());
            return jdbc.sql("select id from source_profile where id = :id").param("id", sourceId).query(Long.class).optional();
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
