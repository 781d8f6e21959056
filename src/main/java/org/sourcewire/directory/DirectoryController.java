package org.sourcewire.directory;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.sourcewire.sources.ExpertLevel;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The journalists' expert directory. Admins may look too; sources may not browse one another. */
@Controller
class DirectoryController {

    private final DirectorySearch search;
    private final TopicCatalog topics;
    private final Clock clock;

    DirectoryController(DirectorySearch search, TopicCatalog topics, Clock clock) {
        this.search = search;
        this.topics = topics;
        this.clock = clock;
    }

    @GetMapping("/directory")
    String search(@ModelAttribute("form") DirectoryForm form,
            BindingResult result, Model model) {
        var active = topics.activeTopics();
        Set<Long> activeIds = active.stream().map(TopicChoice::id).collect(Collectors.toSet());
        form.criteria(result, activeIds).ifPresent(criteria -> {
            model.addAttribute("results", search.search(criteria, form.pageNumber()));
            model.addAttribute("pageParameters", form.searchParameters());
            model.addAttribute("byWords", criteria.hasWords());
        });
        model.addAttribute("topics", active);
        model.addAttribute("levels", new ExpertLevel[] { ExpertLevel.WEBSITE, ExpertLevel.WEBSITE_AND_EMAIL,
                ExpertLevel.CREDENTIAL });
        model.addAttribute("responsiveness", Responsiveness.values());
        model.addAttribute("now", clock.instant());
        return "directory/search";
    }
}
