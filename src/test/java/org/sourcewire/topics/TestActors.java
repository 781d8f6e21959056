package org.sourcewire.topics;

import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.Actor;

public final class TestActors {

    private TestActors() {
    }

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.email());
    }
}
