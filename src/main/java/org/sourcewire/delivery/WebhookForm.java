package org.sourcewire.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sourcewire.shared.WebAddress;

/** The webhook's address and the shape of its messages; the format is text, so a mangled value is a message. */
record WebhookForm(
        @NotBlank(message = "{validation.paste-the-webhook-address-your-chat-service}")
        @Size(max = 2000, message = "{validation.that-address-is-too-long}")
        @WebAddress String url,
        @Pattern(regexp = "SLACK|TEAMS", message = "{validation.choose-slack-or-microsoft-teams}") String format) {

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
