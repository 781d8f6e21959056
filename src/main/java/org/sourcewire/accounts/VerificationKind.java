package org.sourcewire.accounts;

/** What a verification check establishes, in words the other side reads beside a badge. */
public enum VerificationKind {
    /** A journalist's confirmed e-mail address is at a confirmed domain of an outlet in the admins' registry. */
    OUTLET_EMAIL_DOMAIN("E-mail address at the outlet's own domain"),
    /** An admin confirmed that the journalist works for the outlet. */
    OUTLET_CONFIRMED("Outlet confirmed by Sourcewire's team"),
    /** An expert proved they control their website (a token in a meta tag or a file). */
    WEBSITE_OWNERSHIP("Controls the website"),
    /** An expert's confirmed e-mail address is at the domain of the website they proved. */
    EMAIL_MATCHES_WEBSITE("E-mail address at the website's domain"),
    /** An admin confirmed a credential the expert states (a licence, a registry entry). */
    CREDENTIAL_CONFIRMED("Credential confirmed by Sourcewire's team");

    private final String label;

    VerificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
