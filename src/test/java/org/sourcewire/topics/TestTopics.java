package org.sourcewire.topics;

import org.sourcewire.audit.Actor;

import org.springframework.stereotype.Component;

/** Creates and retires topics for tests in other modules, as the system. */
@Component
public class TestTopics {

    private final TopicCatalog catalog;

    TestTopics(TopicCatalog catalog) {
        this.catalog = catalog;
    }

    public long create(String name) {
        return catalog.create(name + " " + System.nanoTime(), Actor.system()).id();
    }

    public void retire(long id) {
        catalog.retire(id, Actor.system());
    }
}
