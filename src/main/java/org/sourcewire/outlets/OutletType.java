package org.sourcewire.outlets;

/** What kind of outlet it is. */
enum OutletType {
    NEWSPAPER("Newspaper"), MAGAZINE("Magazine"), BROADCASTER("Broadcaster"), ONLINE("Online publication"),
    PODCAST("Podcast"), NEWSLETTER("Newsletter"), AGENCY("News agency");

    private final String label;

    OutletType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
