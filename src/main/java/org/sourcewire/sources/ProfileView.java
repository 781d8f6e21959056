package org.sourcewire.sources;

import java.time.Instant;
import java.util.List;

/**
 * An expert profile for pages, pitches and other modules. Holds nothing private: the account's e-mail address is
 * not part of it. {@code timeZone} is the source's own zone, used for their digests and deadlines.
 */
public record ProfileView(long id, long accountId, String handle, String name, String title, String company,
        String bio, String website, String region, String timeZone, List<String> expertise, List<String> links,
        boolean hasHeadshot, Instant updatedAt) {

    /** "Chief Financial Officer, Okafor Advisory", or whichever half is known. */
    public String headline() {
        if (title != null && company != null) {
            return title + ", " + company;
        }
        return title != null ? title : (company != null ? company : "");
    }

    public String publicPath() {
        return "/experts/" + handle;
    }

    public String headshotPath() {
        return hasHeadshot ? "/experts/" + handle + "/headshot?v=" + updatedAt.toEpochMilli() : null;
    }

    /** A profile worth showing to journalists: title or company, and a bio. */
    public boolean isComplete() {
        return (title != null || company != null) && bio != null;
    }
}
