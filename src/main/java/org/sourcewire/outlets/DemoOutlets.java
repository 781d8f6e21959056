package org.sourcewire.outlets;

import org.sourcewire.audit.Actor;
import org.sourcewire.shared.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo registry (after the demo accounts, before the demo queries): The Daily Ledger with its domain confirmed,
 * so the demo journalist Maria has a verified outlet (and may post anonymously); Tom's freelance domain is not in it.
 */
@Component
@Order(5)
class DemoOutlets implements ApplicationRunner {

    private final DemoData demoData;
    private final OutletRegistry registry;

    DemoOutlets(DemoData demoData, OutletRegistry registry) {
        this.demoData = demoData;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoData.enabled() && registry.outletAt("ledger.example").isEmpty()) {
            registry.add("The Daily Ledger", OutletType.NEWSPAPER, "https://ledger.example", true, Actor.system());
        }
    }
}
