package org.sourcewire.accounts;

/** What a verification check establishes, in words the other side reads beside a badge. */
public enum VerificationKind {
    /** A journalist's confirmed e-mail address is at a confirmed domain of an outlet in the admins' registry. */
    OUTLET_EMAIL_DOMAIN("accounts.text.verification.outlet-email-domain"),
    /** An admin confirmed that the journalist works for the outlet. */
    OUTLET_CONFIRMED("accounts.text.verification.outlet-confirmed"),
    /** An expert proved they control their website (a token in a meta tag or a file). */
    WEBSITE_OWNERSHIP("accounts.text.verification.website-ownership"),
    /** An expert's confirmed e-mail address is at the domain of the website they proved. */
    EMAIL_MATCHES_WEBSITE("accounts.text.verification.email-matches-website"),
    /** An admin confirmed a credential the expert states (a licence, a registry entry). */
    CREDENTIAL_CONFIRMED("accounts.text.verification.credential-confirmed");

    private final String labelKey;

    VerificationKind(String labelKey) {
        this.labelKey = labelKey;
    }

    /** What it establishes, as a key of messages.properties ({@code #{${kind.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
