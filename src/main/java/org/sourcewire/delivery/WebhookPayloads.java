package org.sourcewire.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.matching.MatchedQuery;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The JSON a webhook gets for a new match or a test, in the chosen service's shape. Written with Jackson (never by
 * pasting strings), and Slack's three control characters escaped, so a headline cannot break the message or its link.
 */
@Component
class WebhookPayloads {


    private final JsonMapper json;
    private final SiteUrls urls;
    private final Messages messages;

    WebhookPayloads(JsonMapper json, SiteUrls urls, Messages messages) {
        this.json = json;
        this.urls = urls;
        this.messages = messages;
    }

    String match(MatchedQuery match, WebhookFormat format) {
        String link = urls.link("/queries/" + match.queryId());
        String details = details(messages, match);
        String why = String.join("; ", match.reasons());
        return message(format, messages.text("delivery.text.webhook.new-query", match.headline()), match.headline(),
                link, List.of(details, messages.text("delivery.text.webhook.why-you", why)),
                messages.text("delivery.text.webhook.open-query"));
    }

    String test(WebhookFormat format) {
        String title = messages.text("delivery.text.webhook.test-title");
        return message(format, title, title, urls.link("/feed"),
                List.of(messages.text("delivery.text.webhook.test-line")), messages.text("delivery.text.webhook.open-feed"));
    }

    /** A match's topic, byline and deadline in one line: "Sleep · Maria Lopez, The Daily Ledger · closes …". */
    static String details(Messages messages, MatchedQuery match) {
        return messages.text("delivery.text.match-details",
                match.topicName() == null ? messages.text("delivery.text.other-topic") : match.topicName(),
                match.byline(), match.deadlineText());
    }

    private String message(WebhookFormat format, String fallback, String title, String link, List<String> lines,
            String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (format == WebhookFormat.SLACK) {
            body.put("text", slack(fallback) + " " + link);
            StringBuilder mrkdwn = new StringBuilder("*<" + link + "|" + slack(title) + ">*");
            lines.forEach(line -> mrkdwn.append('\n').append(slack(line)));
            body.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn.toString()))));
        }
        else {
            body.put("type", "message");
            body.put("text", fallback + " " + link);
            List<Map<String, Object>> blocks = new java.util.ArrayList<>();
            blocks.add(Map.of("type", "TextBlock", "text", title, "weight", "Bolder", "size", "Medium", "wrap", true));
            lines.forEach(line -> blocks.add(Map.of("type", "TextBlock", "text", line, "wrap", true, "spacing", "Small")));
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            card.put("type", "AdaptiveCard");
            card.put("version", "1.4");
            card.put("body", blocks);
            card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", action, "url", link)));
            body.put("attachments", List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive",
                    "content", card)));
        }
        return json.writeValueAsString(body);
    }


    /** Slack reads &, < and > as markup (links, mentions): escaped as its documentation says. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
