package org.sourcewire.sources;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;

/**
 * How far an expert is verified, from the checks that stand for the account. A credential an admin confirmed is the
 * strongest (a person looked at a registry); then a proven website with an e-mail address at its domain; then a
 * proven website alone. Anything from {@link #WEBSITE} up counts as "verified" (the inbox filter; the database view
 * {@code verified_expert} says the same in SQL).
 */
public enum ExpertLevel {
    NONE("sources.text.level.none"),
    WEBSITE("sources.text.level.website"),
    WEBSITE_AND_EMAIL("sources.text.level.website-and-email"),
    CREDENTIAL("sources.text.level.credential");

    private final String labelKey;

    ExpertLevel(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${level.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }

    public boolean verified() {
        return this != NONE;
    }

    public static ExpertLevel of(List<Verifications.Check> passed) {
        Set<VerificationKind> kinds = passed.stream().filter(Verifications.Check::passed).map(Verifications.Check::kind)
                .collect(Collectors.toSet());
        if (kinds.contains(VerificationKind.CREDENTIAL_CONFIRMED)) {
            return CREDENTIAL;
        }
        if (kinds.contains(VerificationKind.WEBSITE_OWNERSHIP)) {
            return kinds.contains(VerificationKind.EMAIL_MATCHES_WEBSITE) ? WEBSITE_AND_EMAIL : WEBSITE;
        }
        return NONE;
    }
}
