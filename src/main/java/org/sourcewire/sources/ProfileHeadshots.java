package org.sourcewire.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** A profile's headshot: checked and re-encoded by {@link Headshots}, stored beside the profile, served publicly. */
@Service
@Transactional
class ProfileHeadshots {

    private final JdbcClient jdbc;
    private final SourcesProperties properties;
    private final Clock clock;
    private final FaceMatches faces;

    ProfileHeadshots(JdbcClient jdbc, SourcesProperties properties, Clock clock, FaceMatches faces) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.faces = faces;
    }

    void replace(long profileId, byte[] upload) {
        if (upload.length == 0) {
            throw new HeadshotException("sources.rule.headshot-missing");
        }
        if (upload.length > properties.headshotMaxSize().toBytes()) {
            throw new HeadshotException("sources.rule.headshot-file-too-large", properties.headshotMaxSize().toMegabytes());
        }
        Headshots.Processed headshot = Headshots.process(upload, properties.headshotPixels());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into source_headshot (profile_id, image, content_type, width, height, updated_at)
                values (:id, :image, 'image/jpeg', :width, :height, :now)
                on conflict (profile_id) do update set image = excluded.image, content_type = excluded.content_type,
                    width = excluded.width, height = excluded.height, updated_at = excluded.updated_at""")
                .param("id", profileId).param("image", headshot.jpeg()).param("width", headshot.width())
                .param("height", headshot.height()).param("now", Timestamp.from(now)).update();
        faces.hashed(profileId, headshot.hash());
        touch(profileId, now);
    }

    void remove(long profileId) {
        if (jdbc.sql("delete from source_headshot where profile_id = :id").param("id", profileId).update() > 0) {
            faces.forget(profileId);
            touch(profileId, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    Optional<StoredHeadshot> find(long profileId) {
        return jdbc.sql("select image, content_type, updated_at from source_headshot where profile_id = :id")
                .param("id", profileId)
                .query((rs, n) -> new StoredHeadshot(rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    DataSize maxSize() {
        return properties.headshotMaxSize();
    }

    /** The profile changed too (its page shows the photo): a new time and version, as an edit through the entity. */
    private void touch(long profileId, Instant now) {
        jdbc.sql("update source_profile set updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(now)).param("id", profileId).update();
    }

    record StoredHeadshot(byte[] image, String contentType, Instant updatedAt) {
    }
}
