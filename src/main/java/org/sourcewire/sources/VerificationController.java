package org.sourcewire.sources;


import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expert's own verification page: the website token and "check now", the e-mail match, the credentials they
 * state. Every action is on the signed-in expert's own profile; no address names another.
 */
@Controller
@RequestMapping("/profile/verification")
class VerificationController {

    private final SourceManagement sources;
    private final WebsiteProof proof;
    private final Credentials credentials;
    private final AccountManagement accounts;
    private final Messages messages;

    VerificationController(SourceManagement sources, WebsiteProof proof, Credentials credentials,
            AccountManagement accounts, Messages messages) {
        this.sources = sources;
        this.proof = proof;
        this.credentials = credentials;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        AccountView account = account(user);
        ProfileView profile = sources.ensureProfile(account);
        return page(account, profile, CredentialForm.of(credentials.stated(profile.id()).orElse(null)), model);
    }

    @PostMapping("/check")
    String check(@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        AccountView account = account(user);
        ProfileView profile = sources.ensureProfile(account);
        try {
            WebsiteProof.Outcome outcome = proof.check(profile, account);
            if (outcome.passed()) {
                messages.success(redirect, "sources.flash.website-proven");
            }
            else {
                messages.error(redirect, "sources.flash.website-not-proven");
            }
        }
        catch (RuleException ex) {
            model.addAttribute("checkError", messages.text(ex));
            return page(account, profile, CredentialForm.of(credentials.stated(profile.id()).orElse(null)), model);
        }
        return "redirect:/profile/verification";
    }

    @PostMapping("/credentials")
    String credentials(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") CredentialForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView account = account(user);
        ProfileView profile = sources.ensureProfile(account);
        if (result.hasErrors()) {
            return page(account, profile, form, model);
        }
        credentials.state(profile, form.cleanLicence(), form.cleanRegistryUrl());
        messages.success(redirect, form.cleanLicence() == null && form.cleanRegistryUrl() == null
                ? "sources.flash.credential-removed" : "sources.flash.credential-saved");
        return "redirect:/profile/verification";
    }

    private String page(AccountView account, ProfileView profile, CredentialForm form, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("account", account);
        model.addAttribute("proof", proof.status(profile.id()));
        model.addAttribute("site", profile.website() == null ? null : WebsiteProof.site(profile.website()));
        model.addAttribute("metaName", WebsiteProof.META);
        model.addAttribute("file", WebsiteProof.FILE);
        model.addAttribute("emailMatches", profile.website() != null && WebsiteProof.emailMatches(account, profile.website()));
        model.addAttribute("credential", credentials.stated(profile.id()).orElse(null));
        model.addAttribute("form", form);
        return "sources/verification";
    }

    /** Only sources reach /profile/** (SecurityConfiguration). */
    private AccountView account(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
