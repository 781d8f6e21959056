package org.sourcewire.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String landing() {
        return "web/landing";
    }

    /** Where log-in leads: what to do next, by role. The account itself comes from {@link LayoutModel}. */
    @GetMapping("/dashboard")
    String dashboard() {
        return "web/dashboard";
    }
}
