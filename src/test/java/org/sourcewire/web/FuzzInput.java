package org.sourcewire.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.sourcewire.web.FuzzTargets.Field;

/** The hostile input {@link InputFuzzTests} sends, and the plausible values it puts in every other field. */
final class FuzzInput {

    /** Reflected unescaped, this would run; escaped, it is harmless text. */
    static final String MARKER = "\"><script>sw_fuzz(1)</script>";
    static final String UNESCAPED = "<script>sw_fuzz(1)";

    private static final AtomicInteger serial = new AtomicInteger();

    private FuzzInput() {
    }

    /**
     * A bad value for one field, or a bad name for it (the value stays plausible), or the field left out.
     * {@code rename} is null for a value payload.
     */
    record Payload(String label, String value, UnaryOperator<String> rename, boolean absent) {

        static Payload value(String label, String value) {
            return new Payload(label, value, null, false);
        }

        static Payload name(String label, UnaryOperator<String> rename) {
            return new Payload(label, null, rename, false);
        }

        String nameFor(Field field) {
            return rename == null ? field.name() : rename.apply(field.name());
        }

        /** For a file field, the payload as the file's content. */
        byte[] bytes() {
            return value == null ? new byte[0] : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The first request to a target as each identity; its answer tells whether the identity may act there. */
    static final Payload PROBE = Payload.value("100k characters", "x".repeat(100_000));

    /**
     * What goes into a text field, in the order sent: input that could break storage comes before input that is merely
     * odd but valid, because a valid value may use up a one-time action (one pitch per query, one decision per report).
     */
    static List<Payload> values() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.value("NUL", "zqx\u0000fuzz"));
        payloads.add(Payload.value("C0 controls", "zqx\u0001\u0008\u000b\u000c\u001b\u007ffuzz"));
        payloads.add(Payload.value("100k-character web address", "https://zqx.example/" + "a".repeat(100_000)));
        payloads.add(Payload.value("100k-character e-mail", "a".repeat(100_000) + "@zqx.example"));
        payloads.add(Payload.value("far future date", "+999999999-12-31T23:59"));
        payloads.add(Payload.value("year 9999", "9999-12-31T23:59"));
        payloads.add(Payload.value("unknown time zone", "Mars/Olympus_Mons"));
        payloads.addAll(numbers());
        payloads.add(Payload.value("empty", ""));
        payloads.addAll(names());
        payloads.add(new Payload("left out", null, null, true));
        payloads.add(Payload.value("SQL", "' OR '1'='1'; DROP TABLE account; --"));
        payloads.add(Payload.value("template syntax", "${7*7} #{7*7} *{x} @{/x} ~{x} {0} {id} %s %n"));
        payloads.add(Payload.value("RTL override", "\u202Etxt.exe zqx"));
        payloads.add(Payload.value("emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC69\u200D\uD83D\uDC67 zqx"));
        payloads.add(Payload.value("script", MARKER));
        return payloads;
    }

    /**
     * What goes into a field that binds to a number, date, enum, boolean or UUID: every text payload would fail the same
     * conversion, so one of each kind of wrong value.
     */
    static List<Payload> typedValues() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.value("NUL", "zqx\u0000fuzz"));
        payloads.addAll(numbers());
        payloads.add(Payload.value("far future date", "+999999999-12-31T23:59"));
        payloads.add(Payload.value("empty", ""));
        payloads.addAll(names());
        payloads.add(new Payload("left out", null, null, true));
        payloads.add(Payload.value("script", MARKER));
        return payloads;
    }

    private static List<Payload> numbers() {
        return List.of(
                Payload.value("overflowing number", "99999999999999999999"),
                Payload.value("below Long.MIN_VALUE", "-9223372036854775809"),
                Payload.value("Integer.MAX_VALUE + 1", "2147483648"),
                Payload.value("negative", "-1"),
                Payload.value("wrong type", "1.5e308x"));
    }

    /**
     * What another identity that may act on a target gets, in all fields at once (the first one had every payload
     * field by field): what breaks storage or binding, and the marker, since a page may differ by role.
     */
    static List<Payload> forOtherActors() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.value("NUL", "zqx\u0000fuzz"));
        payloads.add(Payload.value("C0 controls", "zqx\u0001\u0008\u000b\u000c\u001b\u007ffuzz"));
        payloads.add(Payload.value("100k-character web address", "https://zqx.example/" + "a".repeat(100_000)));
        payloads.add(Payload.value("far future date", "+999999999-12-31T23:59"));
        payloads.add(Payload.value("overflowing number", "99999999999999999999"));
        payloads.add(Payload.value("empty", ""));
        payloads.addAll(names());
        payloads.add(Payload.value("script", MARKER));
        return payloads;
    }

    /** What an identity that is turned away after binding (403, 404) still gets: what breaks binding itself. */
    static List<Payload> bindingOnly() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.value("NUL", "zqx\u0000fuzz"));
        payloads.add(Payload.value("overflowing number", "99999999999999999999"));
        payloads.addAll(names());
        return payloads;
    }

    /** Array, indexed and nested names for a field: {@code f[]}, {@code f[0]}, {@code f[99999999]}, {@code f.b.c}. */
    static List<Payload> names() {
        return List.of(
                Payload.name("name[]", name -> name + "[]"),
                Payload.name("name[0]", name -> name + "[0]"),
                Payload.name("name[99999999]", name -> base(name) + "[99999999]"),
                Payload.name("name[x]", name -> base(name) + "[x]"),
                Payload.name("name.b.c", name -> name + ".b.c"));
    }

    /** Names no form has, sent to every target too (nested, indexed, class-loader paths). */
    static List<String> strayNames() {
        return List.of("a.b.c", "class.module.classLoader.defaultAssertionStatus", "x[0][1]", "zqx[99999999]", "[]");
    }

    static boolean isText(Field field) {
        return field.type() == String.class || field.indexed() || java.util.Collection.class.isAssignableFrom(field.type())
                || field.file();
    }

    private static String base(String name) {
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    /**
     * A value the field would accept, chosen by its name and type. Text is nonsense ("zqxv") so that no keyword alert
     * of another test's source matches what this test publishes.
     */
    static String plausible(Field field, long topicId, long otherTopicId) {
        String name = field.base().toLowerCase(Locale.ROOT);
        Class<?> type = field.type();
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (name.equals("into")) {
            return String.valueOf(otherTopicId);
        }
        if (name.contains("topic")) {
            return String.valueOf(topicId);
        }
        if (type == UUID.class || name.equals("submissionkey")) {
            return UUID.randomUUID().toString();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return name.equals("page") ? "0" : "3";
        }
        if (name.contains("email")) {
            return "zqxv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        }
        if (name.contains("password") || name.equals("confirmation")) {
            return "Zqxv plausible pass 2026";
        }
        if (name.contains("url") || name.equals("website")) {
            return "https://zqxv.example";
        }
        if (name.equals("links")) {
            return "https://zqxv.example/a";
        }
        if (name.contains("zone")) {
            return "Europe/Berlin";
        }
        if (name.equals("deadline")) {
            return LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusHours(30)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        }
        return switch (name) {
            // Save a query as a draft: submitting would put fuzzed queries in front of moderators and sources.
            case "action" -> "draft";
            case "role" -> "SOURCE";
            case "plan" -> "STANDARD";
            case "weight", "pitchcap" -> "5";
            case "reason" -> "SPAM";
            // Names that must be unique (topics, filler phrases, alerts).
            case "name", "phrase" -> "zqxv " + name + " " + serial.incrementAndGet();
            default -> "Zqxv plausible " + name;
        };
    }
}
