package org.sourcewire.sources;

import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.ViewerZone;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A source's own profile: details, headshot, topics and keyword alerts. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private final SourceManagement sources;
    private final ProfileHeadshots headshots;
    private final TopicSubscriptions subscriptions;
    private final KeywordAlerts alerts;
    private final AccountManagement accounts;
    private final Messages messages;

    ProfileController(SourceManagement sources, ProfileHeadshots headshots, TopicSubscriptions subscriptions,
            KeywordAlerts alerts, AccountManagement accounts, Messages messages) {
        this.sources = sources;
        this.headshots = headshots;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String edit(@AuthenticationPrincipal CurrentUser user, @ViewerZone Optional<ZoneId> zone, Model model) {
        ProfileView profile = profile(user, zone);
        return page(profile, ProfileForm.of(profile), model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ProfileView profile = profile(user);
        form.validate(result);
        if (result.hasErrors()) {
            return page(profile, form, model);
        }
        sources.update(profile.id(), form.toDetails());
        messages.success(redirect, "sources.flash.profile-saved");
        return "redirect:/profile";
    }

    @PostMapping("/headshot")
    String uploadHeadshot(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "headshot", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        ProfileView profile = profile(user);
        try {
            headshots.replace(profile.id(), file == null ? new byte[0] : file.getBytes());
        }
        catch (HeadshotException ex) {
            model.addAttribute("headshotError", messages.text(ex));
            return page(profile, ProfileForm.of(profile), model);
        }
        messages.success(redirect, "sources.flash.headshot-updated");
        return "redirect:/profile";
    }

    @PostMapping("/headshot/remove")
    String removeHeadshot(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        headshots.remove(profile(user).id());
        messages.success(redirect, "sources.flash.headshot-removed");
        return "redirect:/profile";
    }

    // --- topics --------------------------------------------------------------------------------------------------

    @GetMapping("/topics")
    String topics(@AuthenticationPrincipal CurrentUser user, @ViewerZone Optional<ZoneId> zone, Model model) {
        return topicsPage(profile(user, zone), model);
    }

    @PostMapping("/topics")
    String subscribe(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "topicIds", required = false) List<String> topicIds, Model model,
            RedirectAttributes redirect) {
        ProfileView profile = profile(user);
        try {
            subscriptions.subscribe(profile.id(), ids(topicIds));
        }
        catch (RuleException ex) {
            model.addAttribute("topicsError", messages.text(ex));
            return topicsPage(profile, model);
        }
        messages.success(redirect, "sources.flash.topics-saved");
        return "redirect:/profile/topics";
    }

    // --- keyword alerts ------------------------------------------------------------------------------------------

    @GetMapping("/alerts")
    String alerts(@AuthenticationPrincipal CurrentUser user, @ViewerZone Optional<ZoneId> zone, Model model) {
        return alertsPage(profile(user, zone), new AlertForm(), model);
    }

    @PostMapping("/alerts")
    String addAlert(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") AlertForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ProfileView profile = profile(user);
        if (result.hasFieldErrors("topicIds")) {
            result.rejectValue("topicIds", "sources.rule.topics-invalid");
        }
        if (!result.hasErrors()) {
            try {
                alerts.addAlert(profile.id(), form.getPhrase(), new LinkedHashSet<>(KeywordAlerts.cleanIds(form.getTopicIds())));
                messages.success(redirect, "sources.flash.alert-added", form.getPhrase().strip());
                return "redirect:/profile/alerts";
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return alertsPage(profile, form, model);
    }

    @PostMapping("/alerts/{id}/delete")
    String removeAlert(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (alerts.removeAlert(profile(user).id(), id)) {
            messages.success(redirect, "sources.flash.alert-deleted");
        }
        else {
            messages.error(redirect, "sources.flash.alert-not-found");
        }
        return "redirect:/profile/alerts";
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String page(ProfileView profile, ProfileForm form, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("form", form);
        model.addAttribute("bioLimit", ProfileForm.BIO_LIMIT);
        model.addAttribute("maxHeadshotBytes", headshots.maxSize().toBytes());
        model.addAttribute("maxHeadshotMegabytes", headshots.maxSize().toMegabytes());
        model.addAttribute("minHeadshotPixels", Headshots.MIN_SIDE);
        return "sources/profile";
    }

    private String topicsPage(ProfileView profile, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("options", subscriptions.topicOptions(profile.id()));
        return "sources/topics";
    }

    private String alertsPage(ProfileView profile, AlertForm form, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("form", form);
        model.addAttribute("alerts", alerts.alerts(profile.id()));
        model.addAttribute("maxAlerts", alerts.maxKeywordAlerts());
        model.addAttribute("topics", subscriptions.topicOptions(profile.id()).stream().filter(TopicSubscriptions.TopicOption::active).toList());
        return "sources/alerts";
    }

    private ProfileView profile(CurrentUser user) {
        return profile(user, Optional.empty());
    }

    /** The source's profile; a first visit makes it, in the zone the browser reports. Only sources reach /profile/**. */
    private ProfileView profile(CurrentUser user, Optional<ZoneId> zone) {
        AccountView account = accounts.find(user.id()).orElseThrow();
        return sources.ensureProfile(account, zone);
    }

    private static Set<Long> ids(List<String> raw) {
        Set<Long> ids = new LinkedHashSet<>();
        if (raw == null) {
            return ids;
        }
        for (String value : raw) {
            try {
                ids.add(Long.parseLong(value.strip()));
            }
            catch (NumberFormatException ex) {
                throw new RuleException("topicIds", "sources.rule.topics-invalid");
            }
        }
        return ids;
    }
}
