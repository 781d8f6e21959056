package org.sourcewire.sources;

import java.util.Map;
import java.util.stream.Stream;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins look at pairs of accounts with the same headshot, side by side, and decide each pair. */
@Controller
@RequestMapping("/admin/faces")
class FaceAdminController {

    private final FaceMatches faces;
    private final SourceManagement sources;
    private final AccountManagement accounts;
    private final Messages messages;

    FaceAdminController(FaceMatches faces, SourceManagement sources, AccountManagement accounts, Messages messages) {
        this.faces = faces;
        this.sources = sources;
        this.accounts = accounts;
        this.messages = messages;
    }

    record Side(ProfileView profile, AccountView account) {
    }

    record Row(FaceMatches.Pair pair, Side a, Side b) {
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<FaceMatches.Pair> pairs = faces.open(PageRequest.of(Math.max(page, 0), 20));
        Map<Long, ProfileView> profiles = sources.findAll(pairs.stream()
                .flatMap(pair -> Stream.of(pair.profileA(), pair.profileB())).distinct().toList());
        Map<Long, AccountView> owners = accounts.findAll(profiles.values().stream().map(ProfileView::accountId).toList());
        model.addAttribute("pairs", pairs.map(pair -> new Row(pair, side(profiles.get(pair.profileA()), owners),
                side(profiles.get(pair.profileB()), owners))));
        return "sources/admin-faces";
    }

    private static Side side(ProfileView profile, Map<Long, AccountView> owners) {
        return new Side(profile, profile == null ? null : owners.get(profile.accountId()));
    }

    @PostMapping("/{id}/different-people")
    String differentPeople(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        return decide(admin, id, FaceMatches.Decision.DIFFERENT_PEOPLE, redirect);
    }

    @PostMapping("/{id}/dealt-with")
    String dealtWith(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        return decide(admin, id, FaceMatches.Decision.DEALT_WITH, redirect);
    }

    private String decide(CurrentUser admin, long id, FaceMatches.Decision decision, RedirectAttributes redirect) {
        if (faces.decide(id, decision, admin.actor())) {
            messages.success(redirect, decision == FaceMatches.Decision.DIFFERENT_PEOPLE
                    ? "sources.flash.faces-different-people" : "sources.flash.faces-dealt-with");
        }
        else {
            redirect.addFlashAttribute("info", messages.text("sources.flash.faces-already-decided"));
        }
        return "redirect:/admin/faces";
    }
}
