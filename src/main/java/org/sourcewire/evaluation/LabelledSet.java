package org.sourcewire.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A labelled file: queries, and pitches to them in the order they arrived, each labelled "good" or with the kind of
 * bad pitch it is. The format, exactly:
 * {@code {"queries":[{"id","topic","headline","requirements","questions":[…]}],
 * "pitches":[{"id","query","source","answers":[…],"label"}]}}.
 */
public record LabelledSet(List<Query> queries, List<Pitch> pitches) {

    public static final String GOOD = "good";

    public record Query(String id, String topic, String headline, String requirements, List<String> questions) {
    }

    /** {@code source} names the person: pitches with the same source come from one account. */
    public record Pitch(String id, String query, String source, List<String> answers, String label) {

        public boolean bad() {
            return !GOOD.equals(label);
        }
    }

    /** Reads the format above; a mistake is named with its place ("pitches[12].answers: 3 answers for 2 questions"). */
    public static LabelledSet read(JsonNode root) {
        List<Query> queries = new ArrayList<>();
        Set<String> queryIds = new HashSet<>();
        List<JsonNode> queryNodes = array(root, "queries", "");
        for (int i = 0; i < queryNodes.size(); i++) {
            JsonNode node = queryNodes.get(i);
            String at = "queries[" + i + "]";
            Query query = new Query(text(node, "id", at), text(node, "topic", at), text(node, "headline", at),
                    optionalText(node, "requirements"), texts(node, "questions", at));
            if (query.questions().isEmpty() || query.questions().size() > 5) {
                throw new IllegalArgumentException(at + ".questions: 1 to 5 questions, not " + query.questions().size());
            }
            if (!queryIds.add(query.id())) {
                throw new IllegalArgumentException(at + ".id: \"" + query.id() + "\" is used twice");
            }
            queries.add(query);
        }
        List<Pitch> pitches = new ArrayList<>();
        Set<String> pitchIds = new HashSet<>();
        List<JsonNode> pitchNodes = array(root, "pitches", "");
        for (int i = 0; i < pitchNodes.size(); i++) {
            JsonNode node = pitchNodes.get(i);
            String at = "pitches[" + i + "]";
            Pitch pitch = new Pitch(text(node, "id", at), text(node, "query", at), text(node, "source", at),
                    texts(node, "answers", at), text(node, "label", at));
            Query query = queries.stream().filter(candidate -> candidate.id().equals(pitch.query())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(at + ".query: no query \"" + pitch.query() + "\""));
            if (pitch.answers().size() != query.questions().size()) {
                throw new IllegalArgumentException(at + ".answers: " + pitch.answers().size() + " answers for "
                        + query.questions().size() + " questions");
            }
            if (!pitchIds.add(pitch.id())) {
                throw new IllegalArgumentException(at + ".id: \"" + pitch.id() + "\" is used twice");
            }
            pitches.add(pitch);
        }
        return new LabelledSet(List.copyOf(queries), List.copyOf(pitches));
    }

    /** The queries in {@code ids} and their pitches, in the same order. */
    public LabelledSet only(Set<String> ids) {
        return new LabelledSet(queries.stream().filter(query -> ids.contains(query.id())).toList(),
                pitches.stream().filter(pitch -> ids.contains(pitch.query())).toList());
    }

    private static List<JsonNode> array(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException((at.isEmpty() ? "" : at + ".") + field + ": an array is missing");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(at + "." + field + ": a text is missing");
        }
        return value.asString();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static List<String> texts(JsonNode node, String field, String at) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(node, field, at)) {
            if (!item.isString()) {
                throw new IllegalArgumentException(at + "." + field + ": texts only");
            }
            texts.add(item.asString());
        }
        return List.copyOf(texts);
    }
}
