package org.sourcewire.accounts;

public enum Role {
    JOURNALIST("Journalist"), SOURCE("Source"), ADMIN("Admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. {@code ROLE_JOURNALIST}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
