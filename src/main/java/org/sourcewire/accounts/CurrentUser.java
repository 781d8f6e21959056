package org.sourcewire.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.sourcewire.audit.Actor;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person, as kept in the (database-stored) session. It holds only what never changes while logged
 * in: id, e-mail and role. Anything else (name, verification) is read fresh through {@link AccountManagement}.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final Role role;
    private final boolean suspended;
    private String passwordHash;

    CurrentUser(long id, String email, Role role, boolean suspended, String passwordHash) {
        this.id = id;
        this.email = email;
        this.role = role;
        this.suspended = suspended;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    /** This person as the audit log names who did something. */
    public Actor actor() {
        return new Actor(id, email);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return !suspended;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
