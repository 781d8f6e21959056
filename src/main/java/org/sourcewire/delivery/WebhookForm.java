package org.sourcewire.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sourcewire.shared.WebAddress;

/** The webhook's address and the shape of its messages; the format is text, so a mangled value is a message. */
record WebhookForm(
        @NotBlank(message = "Paste the webhook address your chat service gave you.")
        @Size(max = 2000, message = "That address is too long.")
        @WebAddress String url,
        @Pattern(regexp = "SLACK|TEAMS", message = "Choose Slack or Microsoft Teams.") String format) {

    static WebhookForm of(DeliverySettings.Setting setting) {
        return new WebhookForm(setting.webhookUrl(), setting.webhookFormat().name());
    }

    String cleanUrl() {
        return url.strip();
    }

    WebhookFormat chosenFormat() {
        return format == null || format.isBlank() ? WebhookFormat.SLACK : WebhookFormat.valueOf(format);
    }
}
