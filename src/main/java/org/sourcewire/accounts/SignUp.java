package org.sourcewire.accounts;

/** What a new journalist or source gives to sign up. Outlet fields are for journalists only. */
public record SignUp(String displayName, String email, String password, Role role, String outletName, String outletUrl) {
}
