package org.sourcewire.topics;

/** A topic as offered in a chooser: active topics only, with the quiet flag and recent query count. */
public record TopicChoice(long id, String name, boolean quiet, long recentQueries) {
}
