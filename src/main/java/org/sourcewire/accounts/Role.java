package org.sourcewire.accounts;

public enum Role {
    JOURNALIST("accounts.text.role.journalist"), SOURCE("accounts.text.role.source"), ADMIN("accounts.text.role.admin");

    private final String labelKey;

    Role(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${role.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }

    /** The Spring Security authority, e.g. {@code ROLE_JOURNALIST}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
