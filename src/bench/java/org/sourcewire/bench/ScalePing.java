package org.sourcewire.bench;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial endpoint for {@link ScaleOut}: the packaged jar has none, so the scale-out run puts this one class on
 * the instances' class path (Spring Boot's PropertiesLauncher, {@code loader.path}), where the app's component scan
 * finds it. Another path than {@link BenchEndpoints}' so the in-JVM benchmark, which scans it too, has no clash.
 */
@RestController
class ScalePing {

    @GetMapping("/bench/scale-ping")
    String ping() {
        return "pong";
    }
}
