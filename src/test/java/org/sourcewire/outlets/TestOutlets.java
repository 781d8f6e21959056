package org.sourcewire.outlets;

import org.sourcewire.audit.Actor;

import org.springframework.stereotype.Component;

/** Outlets in the registry for tests. */
@Component
public class TestOutlets {

    private final OutletRegistry registry;

    TestOutlets(OutletRegistry registry) {
        this.registry = registry;
    }

    /** The Daily Ledger with ledger.example confirmed (once per database), so @ledger.example journalists are verified. */
    public synchronized void ledger() {
        if (registry.outletAt("ledger.example").isEmpty()) {
            registry.add("The Daily Ledger", OutletType.NEWSPAPER, "https://ledger.example", true, Actor.system());
        }
    }

    /** An outlet at this domain with the domain confirmed (once per database), so its journalists are verified. */
    public synchronized void confirmed(String name, String domain) {
        if (registry.outletAt(domain).isEmpty()) {
            registry.add(name, OutletType.ONLINE, "https://" + domain, true, Actor.system());
        }
    }

    /** A new outlet at this domain, its domain confirmed or not; its id. */
    public long registered(String name, String domain, boolean confirmed) {
        return registry.add(name, OutletType.ONLINE, "https://" + domain, confirmed, Actor.system());
    }
}
