package org.sourcewire.sources;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an expert is listed in the journalists' directory and the sitemap. Off until the expert turns it on: a
 * profile made to send pitches is not thereby advertised.
 */
@Service
public class DirectoryListing {

    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryListing(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isListed(long profileId) {
        return jdbc.sql("select listed from source_profile where id = :id").param("id", profileId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Lists or unlists the expert; updated_at moves so the sitemap's lastmod tells crawlers. */
    @Transactional
    public void setListed(long profileId, boolean listed) {
        jdbc.sql("update source_profile set listed = :listed, updated_at = :now where id = :id and listed <> :listed")
                .param("listed", listed).param("now", java.sql.Timestamp.from(clock.instant())).param("id", profileId)
                .update();
    }
}
