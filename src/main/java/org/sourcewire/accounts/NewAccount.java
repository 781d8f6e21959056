package org.sourcewire.accounts;

/**
 * An account {@link AccountManagement#createConfirmedSource} made a moment ago for someone who followed a link only its
 * address received: the one kind of account {@link SessionLogIn} logs in without the log-in form. Only the accounts
 * module makes one.
 */
public final class NewAccount {

    private final AccountView view;

    NewAccount(AccountView view) {
        this.view = view;
    }

    public AccountView view() {
        return view;
    }
}
