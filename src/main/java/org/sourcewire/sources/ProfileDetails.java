package org.sourcewire.sources;

import java.util.List;

/** What a source edits on the profile form, cleaned (blank → null, tags and links trimmed). */
record ProfileDetails(String name, String title, String company, String bio, String website, String region,
        String timeZone, List<String> expertise, List<String> links) {
}
