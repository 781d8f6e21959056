package org.sourcewire.sources;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.shared.TimeZones;
import org.sourcewire.shared.WebAddress;

import org.springframework.validation.Errors;

/** The profile form. Expertise is typed as a comma-separated list, links one per line. */
record ProfileForm(
        @NotBlank(message = "{validation.enter-your-name-as-journalists-should-cite}")
        @Size(max = SourceManagement.NAME_LIMIT, message = "{validation.use-at-most-100-characters}") String name,
        @Size(max = SourceManagement.TITLE_LIMIT, message = "{validation.use-at-most-100-characters}") String title,
        @Size(max = SourceManagement.COMPANY_LIMIT, message = "{validation.use-at-most-100-characters}") String company,
        @Size(max = ProfileForm.BIO_LIMIT, message = "{sources.rule.bio-too-long}") String bio,
        @Size(max = 300, message = "{validation.use-at-most-300-characters}") @WebAddress String website,
        @Size(max = 100, message = "{validation.use-at-most-100-characters}") String region,
        String timeZone,
        @Size(max = 600, message = "{validation.use-at-most-600-characters}") String expertise,
        @Size(max = 2000, message = "{validation.use-at-most-2-000-characters}") String links) {

    /** The bio's limit; sources.rule.bio-too-long names it too. */
    static final int BIO_LIMIT = SourceManagement.BIO_LIMIT;
    static final int MAX_TAGS = 15;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_LINKS = 6;

    static ProfileForm of(ProfileView profile) {
        return new ProfileForm(profile.name(), profile.title(), profile.company(), profile.bio(), profile.website(),
                profile.region(), listed(profile.timeZone()), String.join(", ", profile.expertise()),
                String.join("\n", profile.links()));
    }

    /** A zone saved under an old name (Asia/Calcutta) shows as the picker lists it (Asia/Kolkata). */
    private static String listed(String zone) {
        return TimeZones.parse(zone).flatMap(TimeZones::listed).orElse(zone);
    }

    /** Checks that span more than one annotation can say. */
    void validate(Errors errors) {
        if (TimeZones.parse(timeZone).isEmpty()) {
            errors.rejectValue("timeZone", "sources.rule.time-zone-invalid");
        }
        List<String> tags = tags();
        if (tags.size() > MAX_TAGS) {
            errors.rejectValue("expertise", "sources.rule.expertise-too-many", new Object[] { MAX_TAGS }, null);
        }
        else if (tags.stream().anyMatch(tag -> tag.length() > MAX_TAG_LENGTH)) {
            errors.rejectValue("expertise", "sources.rule.expertise-too-long", new Object[] { MAX_TAG_LENGTH }, null);
        }
        List<String> urls = urls();
        if (urls.size() > MAX_LINKS) {
            errors.rejectValue("links", "sources.rule.links-too-many", new Object[] { MAX_LINKS }, null);
        }
        else {
            urls.stream().filter(url -> !WebAddress.Validator.isWebAddress(url)).findFirst().ifPresent(bad ->
                    errors.rejectValue("links", "sources.rule.link-invalid", new Object[] { abbreviate(bad) }, null));
        }
    }

    ProfileDetails toDetails() {
        return new ProfileDetails(name.strip(), clean(title), clean(company), clean(bio), clean(website), clean(region),
                timeZone.strip(), tags(), urls());
    }

    private List<String> tags() {
        return split(expertise, "[,\\n]");
    }

    private List<String> urls() {
        return split(links, "\\s+");
    }

    private static List<String> split(String value, String separator) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::strip).filter(part -> !part.isEmpty()).distinct().toList();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "…" : value;
    }
}
