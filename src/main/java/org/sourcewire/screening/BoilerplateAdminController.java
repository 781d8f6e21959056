package org.sourcewire.screening;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.Messages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the list of filler phrases that screening weighs (admins only, by the rules for /admin). */
@Controller
@RequestMapping("/admin/boilerplate")
class BoilerplateAdminController {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ScreeningService screening;
    private final Messages messages;

    BoilerplateAdminController(JdbcClient jdbc, AuditLog audit, ScreeningService screening, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.screening = screening;
    }

    record Phrase(long id, String phrase, int weight) {
    }

    /**
     * The weight is bound as text and read by {@link #points()}: a value that is no number then gets its message while
     * the phrase is still validated (a record component that fails to convert leaves the whole form unvalidated).
     */
    record PhraseForm(
            @NotBlank(message = "{validation.enter-a-phrase}") @Size(min = 3, max = 80, message = "{validation.use-3-to-80-characters}") String phrase,
            @NotNull(message = "{validation.enter-a-weight-from-1-to-30}")
            @Pattern(regexp = "\\s*([1-9]|[12][0-9]|30)\\s*", message = "{validation.enter-a-weight-from-1-to-30}") String weight) {

        int points() {
            return Integer.parseInt(weight.strip());
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("phrases", jdbc.sql("select id, phrase, weight from boilerplate_phrase order by weight desc, lower(phrase)")
                .query(Phrase.class).list());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PhraseForm("", "5"));
        }
        return "screening/boilerplate";
    }

    @PostMapping
    @Transactional
    String add(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("form") PhraseForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            String phrase = form.phrase().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            java.util.Optional<Long> id = jdbc.sql("""
                    insert into boilerplate_phrase (phrase, weight) values (:phrase, :weight)
                    on conflict do nothing returning id""")
                    .param("phrase", phrase).param("weight", form.points()).query(Long.class).optional();
            if (id.isPresent()) {
                screening.phrasesChanged();
                audit.record(admin.actor(), "boilerplate.added", "boilerplate " + id.get(),
                        "Added filler phrase \"" + phrase + "\" (weight " + form.points() + ")", null,
                        Map.of("phrase", phrase, "weight", form.points()));
                messages.success(redirect, "screening.flash.phrase-added", phrase);
                return "redirect:/admin/boilerplate";
            }
            result.rejectValue("phrase", "screening.rule.phrase-duplicate");
        }
        return list(model);
    }

    @PostMapping("/{id}/delete")
    @Transactional
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        List<Phrase> removed = jdbc.sql("delete from boilerplate_phrase where id = :id returning id, phrase, weight")
                .param("id", id).query(Phrase.class).list();
        if (removed.isEmpty()) {
            messages.error(redirect, "screening.flash.phrase-gone");
        }
        else {
            Phrase phrase = removed.get(0);
            screening.phrasesChanged();
            audit.record(admin.actor(), "boilerplate.removed", "boilerplate " + id,
                    "Removed filler phrase \"" + phrase.phrase() + "\"", Map.of("phrase", phrase.phrase(),
                            "weight", phrase.weight()), null);
            messages.success(redirect, "screening.flash.phrase-removed", phrase.phrase());
        }
        return "redirect:/admin/boilerplate";
    }
}
