package org.sourcewire.audit;

/** Who did something: an account id and its e-mail at the time (kept, in case the account changes later). */
public record Actor(Long id, String email) {

    public static Actor system() {
        return new Actor(null, "system");
    }
}
