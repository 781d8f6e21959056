package org.sourcewire.accounts;

class EmailAlreadyRegisteredException extends RuntimeException {

    EmailAlreadyRegisteredException(String email) {
        super("An account with " + email + " already exists");
    }
}
