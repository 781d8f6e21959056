package org.sourcewire.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An expert's profile: what journalists see with every pitch and on the public page. */
@Entity
@Table(name = "source_profile")
class SourceProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;

    private String handle;

    private String name;

    private String title;

    private String company;

    private String bio;

    private String website;

    private String region;

    private String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> expertise = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> links = new ArrayList<>();

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected SourceProfile() {
    }

    SourceProfile(long accountId, String handle, String name, String timeZone, Instant now) {
        this.accountId = accountId;
        this.handle = handle;
        this.name = name;
        this.timeZone = timeZone;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(ProfileDetails details, Instant now) {
        this.name = details.name();
        this.title = details.title();
        this.company = details.company();
        this.bio = details.bio();
        this.website = details.website();
        this.region = details.region();
        this.timeZone = details.timeZone();
        this.expertise = new ArrayList<>(details.expertise());
        this.links = new ArrayList<>(details.links());
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    long getAccountId() {
        return accountId;
    }

    String getWebsite() {
        return website;
    }

    String getHandle() {
        return handle;
    }
}
