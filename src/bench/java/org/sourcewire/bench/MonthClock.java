package org.sourcewire.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's clock in {@link MonthBenchmark}: real time, or a simulated instant the benchmark sets while it walks a
 * month hour by hour (the matching, the editions and the retention jobs read it as they would in production).
 */
final class MonthClock extends Clock {

    private final AtomicReference<Instant> simulated;
    private final ZoneId zone;

    MonthClock() {
        this(new AtomicReference<>(), ZoneOffset.UTC);
    }

    private MonthClock(AtomicReference<Instant> simulated, ZoneId zone) {
        this.simulated = simulated;
        this.zone = zone;
    }

    void set(Instant instant) {
        simulated.set(instant);
    }

    void real() {
        simulated.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MonthClock(simulated, zone);
    }

    @Override
    public Instant instant() {
        Instant instant = simulated.get();
        return instant == null ? Instant.now() : instant;
    }
}
