package org.sourcewire.sources;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The expert's choice to be listed in the directory, a form of its own beside the profile. */
@Controller
class ListingController {

    private final SourceManagement sources;
    private final AccountManagement accounts;
    private final DirectoryListing listing;
    private final Messages messages;

    ListingController(SourceManagement sources, AccountManagement accounts, DirectoryListing listing,
            Messages messages) {
        this.sources = sources;
        this.accounts = accounts;
        this.listing = listing;
        this.messages = messages;
    }

    /** Anything but "true" unlists: a mangled value never lists someone who did not ask. */
    @PostMapping("/profile/listing")
    String choose(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "listed", required = false) String listed, RedirectAttributes redirect) {
        ProfileView profile = sources.ensureProfile(accounts.find(user.id()).orElseThrow());
        boolean list = "true".equals(listed);
        listing.setListed(profile.id(), list);
        messages.success(redirect, list ? "sources.flash.listed" : "sources.flash.unlisted");
        return "redirect:/profile";
    }
}
