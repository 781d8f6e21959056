package org.sourcewire.sources;

import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;

import org.springframework.ui.Model;

/**
 * The public profile's description for search engines and link previews (the layout's meta and Open Graph tags):
 * who, what they do, and the start of the bio, within the 160 characters search results show.
 */
final class ExpertPageMeta {

    static final int DESCRIPTION_LENGTH = 160;

    private ExpertPageMeta() {
    }

    static void describe(ProfileView profile, SiteUrls urls, Messages messages, Model model) {
        model.addAttribute("metaTitle", messages.text("sources.text.meta-title", profile.name()));
        model.addAttribute("metaDescription", description(profile, messages));
        model.addAttribute("metaType", "profile");
        if (profile.hasHeadshot()) {
            model.addAttribute("metaImage", urls.link(profile.headshotPath()));
        }
    }

    static String description(ProfileView profile, Messages messages) {
        String who = profile.headline().isEmpty() ? profile.name() : profile.name() + ", " + profile.headline();
        String text = profile.bio() != null ? who + ". " + profile.bio().strip().replaceAll("\\s+", " ")
                : profile.expertise().isEmpty() ? messages.text("sources.text.meta-description", who)
                : messages.text("sources.text.meta-description.expertise", who, String.join(", ", profile.expertise()));
        return shortened(text);
    }

    /** Cut at a word, with an ellipsis, so the search result does not end mid-word. */
    private static String shortened(String text) {
        if (text.length() <= DESCRIPTION_LENGTH) {
            return text;
        }
        String cut = text.substring(0, DESCRIPTION_LENGTH - 1);
        int space = cut.lastIndexOf(' ');
        return (space > DESCRIPTION_LENGTH / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }
}
