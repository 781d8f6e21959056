package org.sourcewire.bench;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bench-only: the trivial endpoint that gives the framework's ceiling (security filters, session, MVC; no work). */
@TestConfiguration(proxyBeanMethods = false)
class BenchEndpoints {

    @RestController
    static class Ping {

        @GetMapping("/bench/ping")
        String ping() {
            return "pong";
        }
    }
}
