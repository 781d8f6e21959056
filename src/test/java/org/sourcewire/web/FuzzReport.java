package org.sourcewire.web;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.sourcewire.web.FuzzTargets.Target;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What {@link InputFuzzTests} checks in every answer, and what it covered: the failures grouped by kind, requests by
 * identity and status, the fields fuzzed one by one, the slowest targets.
 */
final class FuzzReport {

    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> requestsByIdentity = new TreeMap<>();
    private final Set<String> fieldsFuzzed = new LinkedHashSet<>();
    private final List<String> withoutActor = new ArrayList<>();
    private final Map<String, Long> millisByTarget = new LinkedHashMap<>();

    /** One bad answer: to which target, the request that got it, and what was wrong. */
    record Failure(String target, String request, String problem) {

        /** The problem without what differs per request (names, numbers, quoted values), to group alike failures. */
        String kind() {
            String kind = problem.replaceAll("'[^']*'", "'…'").replaceAll("\\[[^]]*]", "[…]").replaceAll("\\d+", "N");
            return kind.length() > 120 ? kind.substring(0, 120) + "…" : kind;
        }
    }

    /** A server error, a script marker in an HTML page, or input in a redirect's address, as a failure. */
    void check(MvcTestResult result, Target target, String identity, Supplier<String> request) {
        requestsByIdentity.merge(identity, 1, Integer::sum);
        Exception unresolved = result.getUnresolvedException();
        if (unresolved != null) {
            statuses.merge("500 (unresolved)", 1, Integer::sum);
            fail(target, request.get(), rootCause(unresolved));
            return;
        }
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        if (status >= 500) {
            Exception resolved = result.getMvcResult().getResolvedException();
            fail(target, request.get(), status + (resolved == null ? "" : " " + rootCause(resolved)));
        }
        if (isHtml(response) && body(response).contains(FuzzInput.UNESCAPED)) {
            fail(target, request.get(), "the script marker is in the page unescaped");
        }
        String location = response.getHeader("Location");
        if (location != null && (location.contains("<") || location.contains("\n"))) {
            fail(target, request.get(), "unencoded input in the redirect " + location);
        }
    }

    void fail(Target target, String request, String problem) {
        failures.add(new Failure(target.toString(), request, problem));
    }

    int failures() {
        return failures.size();
    }

    int requests() {
        return requestsByIdentity.values().stream().mapToInt(Integer::intValue).sum();
    }

    void fuzzedFieldByField(Target target, String field) {
        fieldsFuzzed.add(target.method() + " " + target.pattern() + " " + field);
    }

    long fieldsFuzzed(String method) {
        return fieldsFuzzed.stream().filter(field -> field.startsWith(method + " ")).count();
    }

    void noActor(Target target) {
        withoutActor.add(target.toString());
    }

    void took(Target target, long nanos) {
        millisByTarget.put(target.toString(), nanos / 1_000_000);
    }

    /** What was covered, and each kind of failure with the targets it happened on and one request that shows it. */
    String summary(String header, Map<String, Integer> fixtures, List<String> targetLines) {
        StringBuilder summary = new StringBuilder("\n").append(header).append("\n  by identity ").append(requestsByIdentity)
                .append("\n  by status ").append(statuses).append("\n  fixtures ").append(fixtures);
        targetLines.forEach(line -> summary.append("\n  ").append(line));
        summary.append("\n  (* from the rendered form, not the handler's signature)");
        if (!withoutActor.isEmpty()) {
            summary.append("\n  every identity was turned away (403/404) by the handler, so the first got every payload: ")
                    .append(withoutActor);
        }
        summary.append("\n  slowest targets (ms) ");
        millisByTarget.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(entry -> summary.append(entry.getKey()).append('=').append(entry.getValue()).append("; "));
        if (!failures.isEmpty()) {
            Map<String, List<Failure>> byKind = new TreeMap<>();
            failures.forEach(failure -> byKind.computeIfAbsent(failure.kind(), key -> new ArrayList<>()).add(failure));
            summary.append("\n").append(failures.size()).append(" failure(s), ").append(byKind.size()).append(" kind(s):");
            byKind.forEach((kind, alike) -> summary.append("\n  ").append(alike.size()).append(" × ").append(kind)
                    .append("\n      on ").append(alike.stream().map(Failure::target).distinct().toList())
                    .append("\n      e.g. ").append(alike.get(0).request()));
        }
        return summary.toString();
    }

    /** The exception's innermost cause, which says what went wrong (the outer ones say where). */
    private static String rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        return root.getClass().getName() + ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    static boolean isHtml(MockHttpServletResponse response) {
        return response.getContentType() != null && response.getContentType().startsWith("text/html");
    }

    static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        }
        catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
