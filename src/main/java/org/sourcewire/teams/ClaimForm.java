package org.sourcewire.teams;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.sourcewire.sources.SourceManagement;

/**
 * The client's form: the profile set up for them (theirs to change, with the profile form's limits), a password,
 * and whether they approve each pitch first. {@code approval} is read as the box sends it: "true" (or "on") when
 * ticked, nothing when not; any other text counts as no rather than failing to bind.
 */
record ClaimForm(String token,
                 @NotBlank(message = "{validation.enter-your-name-as-journalists-should-cite}")
                 @Size(max = SourceManagement.NAME_LIMIT, message = "{validation.use-at-most-100-characters}") String name,
                 @Size(max = SourceManagement.TITLE_LIMIT, message = "{validation.use-at-most-100-characters}") String title,
                 @Size(max = SourceManagement.COMPANY_LIMIT, message = "{validation.use-at-most-100-characters}") String company,
                 @Size(max = SourceManagement.BIO_LIMIT, message = "{sources.rule.bio-too-long}") String bio,
                 String password, String confirmation, String approval) {

    /** As the owner set it up; asking to approve each pitch is ticked until the client unticks it. */
    static ClaimForm of(String token, ClientProfiles.Prepared profile) {
        return new ClaimForm(token, profile.name(), profile.title(), profile.company(), profile.bio(), null, null, "true");
    }

    boolean approvalRequired() {
        return "true".equalsIgnoreCase(approval) || "on".equalsIgnoreCase(approval);
    }

    ClientProfiles.Prepared profile() {
        return new ClientProfiles.Prepared(name, title, company, bio);
    }
}
