package org.sourcewire.placements;

import org.springframework.stereotype.Component;

/** The placement checker for tests and benchmarks in other packages. */
@Component
public class TestPlacements {

    private final PlacementChecks checks;

    TestPlacements(PlacementChecks checks) {
        this.checks = checks;
    }

    /** Reads every placement that is due, as one run of the job does; returns how many were read. */
    public int checkDue() {
        return checks.checkDue();
    }
}
