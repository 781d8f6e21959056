package org.sourcewire.accounts;

/**
 * An account was being made for an address that another request (a sign-up at the same moment, a double click) gave an
 * account first: the unique index decided, and the transaction that tried is to be rolled back.
 */
public class EmailAlreadyRegisteredException extends RuntimeException {

    EmailAlreadyRegisteredException(String email) {
        super("An account with " + email + " already exists");
    }
}
