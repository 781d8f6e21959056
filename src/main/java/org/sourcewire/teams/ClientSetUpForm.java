package org.sourcewire.teams;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.sourcewire.accounts.EmailAddress;
import org.sourcewire.sources.SourceManagement;

/**
 * The owner's form on the teams page: a profile for a client without an account, and the address its invitation goes
 * to (checked as sign-up checks one: the client logs in with it). The fields, their names and limits are the profile
 * form's.
 */
record ClientSetUpForm(
        @NotBlank(message = "{teams.rule.client-name-missing}")
        @Size(max = SourceManagement.NAME_LIMIT, message = "{validation.use-at-most-100-characters}") String name,
        @NotBlank(message = "{validation.enter-an-e-mail-address}")
        @EmailAddress(message = "{validation.enter-a-valid-e-mail-address-e}")
        @Size(max = 254, message = "{validation.enter-a-valid-e-mail-address}") String email,
        @Size(max = SourceManagement.TITLE_LIMIT, message = "{validation.use-at-most-100-characters}") String title,
        @Size(max = SourceManagement.COMPANY_LIMIT, message = "{validation.use-at-most-100-characters}") String company,
        @Size(max = SourceManagement.BIO_LIMIT, message = "{sources.rule.bio-too-long}") String bio) {

    static ClientSetUpForm blank() {
        return new ClientSetUpForm(null, null, null, null, null);
    }

    ClientProfiles.Prepared profile() {
        return new ClientProfiles.Prepared(name, title, company, bio);
    }
}
