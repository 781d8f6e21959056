package org.sourcewire.pitches;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.sources.ProfileView;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shortlist of a query, for its journalist: two to four pitches side by side, question by question, and the whole
 * shortlist exported as quotes with attribution (Markdown and CSV), which journalists otherwise paste together by hand.
 */
@Controller
class ShortlistController {

    static final int MOST_COMPARED = 4;

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|])");
    private static final Pattern MARKDOWN_LINE_START = Pattern.compile("(?m)^(\\s*)([#+\\-=])");

    private final PitchAccess access;
    private final PitchInbox inbox;
    private final AccountManagement accounts;
    private final SiteUrls urls;
    private final Messages messages;

    ShortlistController(PitchAccess access, PitchInbox inbox, AccountManagement accounts, SiteUrls urls,
            Messages messages) {
        this.access = access;
        this.inbox = inbox;
        this.accounts = accounts;
        this.urls = urls;
        this.messages = messages;
    }

    @GetMapping("/queries/{id}/pitches/compare")
    String compare(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "pitch", required = false) List<String> chosen, Model model) {
        QueryView query = access.ownQuery(id, reader(user));
        List<PitchViews.Shortlisted> shortlist = inbox.shortlist(id);
        List<UUID> wanted = InboxController.uuids(chosen);
        // The ones chosen (of this shortlist, in the shortlist's order), else the best few.
        List<PitchViews.Shortlisted> compared = wanted.isEmpty() ? shortlist.stream().limit(MOST_COMPARED).toList()
                : shortlist.stream().filter(pitch -> wanted.contains(pitch.publicId())).limit(MOST_COMPARED).toList();
        model.addAttribute("query", query);
        model.addAttribute("shortlist", shortlist);
        model.addAttribute("compared", compared);
        model.addAttribute("most", MOST_COMPARED);
        model.addAttribute("tooMany", wanted.size() > MOST_COMPARED);
        return "pitches/compare";
    }

    @GetMapping("/queries/{id}/shortlist.md")
    ResponseEntity<String> markdown(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        QueryView query = access.ownQuery(id, reader(user));
        StringBuilder out = new StringBuilder("# ")
                .append(messages.text("pitches.text.export-title", escape(query.headline()))).append("\n\n");
        List<PitchViews.Shortlisted> shortlist = inbox.shortlist(id);
        if (shortlist.isEmpty()) {
            out.append(messages.text("pitches.text.export-empty")).append("\n");
        }
        for (PitchViews.Shortlisted pitch : shortlist) {
            ProfileView source = pitch.source();
            out.append("## ").append(escape(source.name()));
            if (!source.headline().isEmpty()) {
                out.append(", ").append(escape(source.headline()));
            }
            out.append("\n\n");
            if (source.website() != null) {
                out.append(messages.text("pitches.text.export-website")).append(": <")
                        .append(source.website().replace(">", "%3E")).append(">  \n");
            }
            out.append(messages.text("pitches.text.export-profile")).append(": <").append(urls.link(source.publicPath()))
                    .append(">  \n");
            if (pitch.writtenBy() != null) {
                out.append(escape(writtenBy(pitch))).append("  \n");
            }
            out.append(messages.text("pitches.text.export-status")).append(": ").append(messages.text(pitch.status().labelKey()))
                    .append("\n\n");
            for (int i = 0; i < query.questions().size(); i++) {
                String answer = pitch.answer(i);
                out.append("**").append(escape(query.questions().get(i))).append("**\n\n");
                if (answer.isBlank()) {
                    out.append("*").append(messages.text("pitches.compare.not-answered")).append("*\n\n");
                }
                else {
                    out.append(quote(answer)).append("\n> — ").append(escape(source.name())).append("\n\n");
                }
            }
        }
        return download(out.toString(), "shortlist-" + id + ".md", new MediaType("text", "markdown", StandardCharsets.UTF_8));
    }

    @GetMapping("/queries/{id}/shortlist.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        QueryView query = access.ownQuery(id, reader(user));
        List<String> header = new ArrayList<>(Stream.of("pitches.text.export-name", "pitches.text.export-title-column",
                "pitches.text.export-company", "pitches.text.export-website", "pitches.text.export-profile",
                "pitches.text.export-status", "pitches.text.export-score", "pitches.text.export-written-by")
                .map(key -> messages.text(key)).toList());
        query.questions().forEach(header::add);
        header.add(messages.text("pitches.text.export-why-me"));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (PitchViews.Shortlisted pitch : inbox.shortlist(id)) {
                ProfileView source = pitch.source();
                List<String> row = new ArrayList<>(List.of(cell(source.name()), cell(source.title()), cell(source.company()),
                        cell(source.website()), urls.link(source.publicPath()), messages.text(pitch.status().labelKey()),
                        pitch.score() == null ? "" : String.valueOf(pitch.score()),
                        pitch.writtenBy() == null ? "" : cell(writtenBy(pitch))));
                for (int i = 0; i < query.questions().size(); i++) {
                    row.add(cell(pitch.answer(i)));
                }
                row.add(cell(pitch.whyMe()));
                csv.printRecord(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return download(out.toString(), "shortlist-" + id + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    /** "Written by Jane Roe of Acme PR for Dr. X", for a pitch someone else wrote for its source. */
    private String writtenBy(PitchViews.Shortlisted pitch) {
        return messages.text("pitches.text.written-by", pitch.writtenBy().name(), pitch.writtenBy().organisation(),
                pitch.source().name());
    }

    private AccountView reader(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }

    private static ResponseEntity<String> download(String body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }

    /** Sources' words as plain text in Markdown: no markup, links or HTML of theirs takes effect. */
    static String escape(String text) {
        String escaped = MARKDOWN_SPECIAL.matcher(text == null ? "" : text).replaceAll("\\\\$1");
        return MARKDOWN_LINE_START.matcher(escaped).replaceAll("$1\\\\$2");
    }

    private static String quote(String answer) {
        return "> " + escape(answer.strip()).replace("\r\n", "\n").replace("\n", "\n> ");
    }

    /**
     * A cell a spreadsheet shows as text: a value that starts like a formula (=, +, -, @, a tab or a return) gets a
     * leading apostrophe, so a source's answer can never run as a formula on the journalist's machine.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
