package org.sourcewire.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.sourcewire.sources.ExpertLevel;

import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The directory's search form, sent by GET so a search can be bookmarked and shared. Every field is text, so a
 * mangled value becomes a message beside its field rather than a binding failure.
 */
record DirectoryForm(String q, String topic, String region, String level, String responsive, String page) {

    static final int MAX_WORDS_LENGTH = 200;
    static final int MAX_REGION_LENGTH = 100;

    /** The criteria, or empty with the reasons in {@code errors}. */
    Optional<DirectoryCriteria> criteria(Errors errors, Set<Long> activeTopics) {
        if (q != null && q.length() > MAX_WORDS_LENGTH) {
            errors.rejectValue("q", "directory.rule.too-long", new Object[] { MAX_WORDS_LENGTH }, null);
        }
        if (region != null && region.length() > MAX_REGION_LENGTH) {
            errors.rejectValue("region", "directory.rule.too-long", new Object[] { MAX_REGION_LENGTH }, null);
        }
        Long topicId = null;
        if (!blank(topic)) {
            try {
                topicId = Long.parseLong(topic.strip());
            }
            catch (NumberFormatException ex) {
                topicId = -1L;
            }
            if (!activeTopics.contains(topicId)) {
                errors.rejectValue("topic", "directory.rule.unknown-topic");
            }
        }
        ExpertLevel expertLevel = blank(level) ? null : parse(ExpertLevel.class, level);
        if (!blank(level) && expertLevel == null) {
            errors.rejectValue("level", "directory.rule.unknown-level");
        }
        Responsiveness responsiveness = blank(responsive) ? null : parse(Responsiveness.class, responsive);
        if (!blank(responsive) && responsiveness == null) {
            errors.rejectValue("responsive", "directory.rule.unknown-responsiveness");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryCriteria(blank(q) ? null : q.strip(), topicId,
                blank(region) ? null : region.strip(), expertLevel, responsiveness));
    }

    /** The page asked for, from 0; anything that is not a page number is the first page. */
    int pageNumber() {
        try {
            return blank(page) ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** The search's query string without the page, for the pager's links. */
    String searchParameters() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "q", q);
        add(uri, "topic", topic);
        add(uri, "region", region);
        add(uri, "level", level);
        add(uri, "responsive", responsive);
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query + "&";
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (!blank(value)) {
            uri.queryParam(name, value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value.strip()))
                .findFirst().orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
