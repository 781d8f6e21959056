package org.sourcewire.sources;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new keyword alert: a word or phrase, optionally limited to some topics. */
class AlertForm {

    @NotBlank(message = "{validation.enter-a-word-or-phrase-like-open}")
    @Size(min = 2, max = 60, message = "{validation.use-2-to-60-characters}")
    private String phrase;

    private List<Long> topicIds = new ArrayList<>();

    public String getPhrase() {
        return phrase;
    }

    public void setPhrase(String phrase) {
        this.phrase = phrase;
    }

    public List<Long> getTopicIds() {
        return topicIds;
    }

    public void setTopicIds(List<Long> topicIds) {
        this.topicIds = topicIds;
    }
}
