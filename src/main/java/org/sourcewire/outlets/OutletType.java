package org.sourcewire.outlets;

/** What kind of outlet it is. */
enum OutletType {
    NEWSPAPER("outlets.text.type.newspaper"), MAGAZINE("outlets.text.type.magazine"),
    BROADCASTER("outlets.text.type.broadcaster"), ONLINE("outlets.text.type.online"),
    PODCAST("outlets.text.type.podcast"), NEWSLETTER("outlets.text.type.newsletter"), AGENCY("outlets.text.type.agency");

    private final String labelKey;

    OutletType(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${type.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
