package org.sourcewire.topics;

/** Any topic, active or not, for showing what a query or subscription refers to. */
public record TopicView(long id, String name, boolean active) {
}
