package org.sourcewire.delivery;

import java.time.Clock;
import java.util.function.LongFunction;

import jakarta.validation.Valid;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.matching.MatchingService;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SafeFetcher;
import org.sourcewire.shared.SiteUrls;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A source's own page for the private feed and the webhook (sources only; each sees only their own). */
@Controller
@RequestMapping("/delivery")
class DeliveryController {

    private final DeliverySettings settings;
    private final Webhooks webhooks;
    private final MatchingService matching;
    private final SafeFetcher fetcher;
    private final SiteUrls urls;
    private final Clock clock;
    private final Messages messages;

    DeliveryController(DeliverySettings settings, Webhooks webhooks, MatchingService matching, SafeFetcher fetcher,
            SiteUrls urls, Clock clock, Messages messages) {
        this.settings = settings;
        this.webhooks = webhooks;
        this.matching = matching;
        this.fetcher = fetcher;
        this.urls = urls;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        Long source = source(user);
        DeliverySettings.Setting setting = source == null ? DeliverySettings.Setting.NONE : settings.of(source);
        return page(source, setting, WebhookForm.of(setting), model);
    }

    @PostMapping("/feed")
    String newFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return withProfile(user, redirect, source -> {
            boolean had = settings.of(source).hasFeed();
            settings.newFeedToken(source, user.id(), clock.instant());
            return had ? "delivery.flash.feed-new-address" : "delivery.flash.feed-ready";
        });
    }

    @PostMapping("/feed/delete")
    String removeFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return withProfile(user, redirect, source -> {
            settings.removeFeed(source, clock.instant());
            return "delivery.flash.feed-off";
        });
    }

    @PostMapping("/webhook")
    String saveWebhook(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") WebhookForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Long source = source(user);
        if (source == null) {
            return noProfile(redirect);
        }
        if (!result.hasFieldErrors("url")) {
            try {
                fetcher.checkAddress(form.cleanUrl());
            }
            catch (SafeFetcher.FetchRefused ex) {
                ex.rejectIn(result, "url");
            }
        }
        if (result.hasErrors()) {
            return page(source, settings.of(source), form, model);
        }
        settings.saveWebhook(source, user.id(), form.cleanUrl(), form.chosenFormat(), clock.instant());
        messages.success(redirect, "delivery.flash.webhook-on");
        return "redirect:/delivery";
    }

    @PostMapping("/webhook/delete")
    String removeWebhook(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return withProfile(user, redirect, source -> {
            settings.removeWebhook(source, clock.instant());
            return "delivery.flash.webhook-off";
        });
    }

    @PostMapping("/webhook/test")
    String test(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Long source = source(user);
        if (source == null) {
            return noProfile(redirect);
        }
        Webhooks.TestResult result = webhooks.sendTest(source);
        redirect.addFlashAttribute(result.ok() ? "success" : "error", messages.text(result.message()));
        return "redirect:/delivery";
    }

    private String page(Long source, DeliverySettings.Setting setting, WebhookForm form, Model model) {
        model.addAttribute("hasProfile", source != null);
        model.addAttribute("hasFeed", setting.hasFeed());
        model.addAttribute("hasWebhook", setting.hasWebhook());
        model.addAttribute("form", form);
        model.addAttribute("chosenFormat", form.format());
        model.addAttribute("formats", WebhookFormat.values());
        if (setting.hasFeed()) {
            model.addAttribute("atomUrl", urls.link("/feeds/" + setting.feedToken() + "/atom"));
            model.addAttribute("rssUrl", urls.link("/feeds/" + setting.feedToken() + "/rss"));
        }
        model.addAttribute("messages", source == null ? java.util.List.of() : webhooks.latest(source, 10));
        return "delivery/settings";
    }

    /**
     * Runs a settings action for the signed-in source's profile and shows its message (the key the action returns) on
     * the settings page; without a profile there is nothing to change yet.
     */
    private String withProfile(CurrentUser user, RedirectAttributes redirect, LongFunction<String> action) {
        Long source = source(user);
        if (source == null) {
            return noProfile(redirect);
        }
        messages.success(redirect, action.apply(source));
        return "redirect:/delivery";
    }

    private String noProfile(RedirectAttributes redirect) {
        messages.error(redirect, "delivery.flash.no-profile");
        return "redirect:/delivery";
    }

    /** The source's profile id; only sources reach these pages (SecurityConfiguration). */
    private Long source(CurrentUser user) {
        return matching.profileOf(user.id()).orElse(null);
    }
}
