package org.sourcewire.sources;

import jakarta.validation.constraints.Size;
import org.sourcewire.shared.WebAddress;

/** A credential the expert states: a licence or registration number, and a link to the public registry entry. */
record CredentialForm(
        @Size(max = 100, message = "{validation.use-at-most-100-characters}") String licence,
        @Size(max = 300, message = "{validation.use-at-most-300-characters}") @WebAddress(message = "{validation.enter-the-registry-entry-s-full-address}") String registryUrl) {

    static CredentialForm of(Credentials.Stated stated) {
        return stated == null ? new CredentialForm(null, null) : new CredentialForm(stated.licence(), stated.registryUrl());
    }

    String cleanLicence() {
        return licence == null || licence.isBlank() ? null : licence.strip().replaceAll("\\s+", " ");
    }

    String cleanRegistryUrl() {
        return registryUrl == null || registryUrl.isBlank() ? null : registryUrl.strip();
    }
}
