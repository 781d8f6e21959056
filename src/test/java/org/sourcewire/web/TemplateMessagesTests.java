package org.sourcewire.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates' English lives in {@code messages.properties}: every key a template names is there, every key there is
 * used, and a converted template has no literal text a reader sees. Plain files, no Spring context.
 */
class TemplateMessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Path BUNDLE = Path.of("src/main/resources/messages.properties");

    /**
     * Template folders (relative to templates/, "" for the top level) whose English is still inline, with the reason:
     * none today. A folder listed here is skipped by {@link #convertedTemplatesHaveNoLiteralText()}.
     */
    private static final Map<String, String> UNCONVERTED = Map.of();

    /** A key named in a template: {@code #{key}} or {@code #{key(args)}}. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.-]+)");

    /** A quoted literal shaped like a key, e.g. the navigation's {@code 'nav.feed'}, resolved by {@code #{${...}}}. */
    private static final Pattern QUOTED_KEY = Pattern.compile("'([a-z][\\w-]*(?:\\.[\\w-]+)+)'");

    /** Inline expressions and element blocks of a TEXT-mode template (the text mails). */
    private static final Pattern TEXT_MAIL_MARKUP = Pattern.compile("\\[\\(.*?\\)]|\\[\\[.*?]]|\\[#[^\\]]*]|\\[/]");

    /** Attributes whose text a reader sees or hears (value and content only on some elements, see below). */
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt",
            "data-confirm");

    /** Processors after which the element's body is Thymeleaf's, whatever the template holds there. */
    private static final Pattern CONSTRAINT_KEY = Pattern.compile("message = \"\\{([\\w.-]+)}\"");

    /** A string literal in Java shaped like a key, e.g. {@code "pitches.flash.sent"}; checked when its prefix is a bundle's or a module's. */
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");

    /** English handed to a user from Java: a flash notice, a refusal, a form error or a mail subject. */
    private static final Pattern ENGLISH_FOR_USERS = Pattern.compile(
            "addFlashAttribute\\(\"(success|error)\", *\"|new (?:[\\w.]+\\.)?RuleException\\([^,]*, *\"[A-Z\"]"
                    + "|new Email\\([^,]*, *\"|rejectValue\\([^;]*?\"[A-Z][a-z]* [^\"]*\"|\\.reject\\(\"[^\"]*\", *\"[A-Z]"
                    + "|messages\\.(success|error|text)\\([^;]*?\"[A-Z][a-z]* ");

    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
            "th:errors");

    @Test
    void everyKeyATemplateNamesIsInTheBundle() throws IOException {
        Properties bundle = bundle();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            Matcher direct = MESSAGE_KEY.matcher(text);
            while (direct.find()) {
                if (!bundle.containsKey(direct.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + direct.group(1));
                }
            }
            Matcher quoted = QUOTED_KEY.matcher(text);
            while (quoted.find()) {
                String key = quoted.group(1);
                if (prefixes(bundle).contains(key.substring(0, key.indexOf('.'))) && !bundle.containsKey(key)) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key);
                }
            }
        }
        assertThat(missing).as("message keys missing from messages.properties").isEmpty();
    }

    /** Bean Validation messages named in main code ({@code message = "{validation.…}"}) are in the bundle too. */
    @Test
    void everyKeyAConstraintNamesIsInTheBundle() throws IOException {
        Properties bundle = bundle();
        Set<String> missing = new TreeSet<>();
        constraintKeys().forEach((key, file) -> {
            if (!bundle.containsKey(key)) {
                missing.add(file + ": " + key);
            }
        });
        assertThat(constraintKeys()).as("constraints naming bundle keys").isNotEmpty();
        assertThat(missing).as("constraint message keys missing from messages.properties").isEmpty();
    }

    /**
     * Keys main code names as string literals (flash messages, refusals, mail subjects, texts built in Java) are in the
     * bundle: a literal counts as a key when its first part is one of the bundle's prefixes or a module's name.
     */
    @Test
    void everyKeyJavaNamesIsInTheBundle() throws IOException {
        Properties bundle = bundle();
        Set<String> missing = new TreeSet<>();
        javaKeys(bundle).forEach((key, file) -> {
            if (!bundle.containsKey(key)) {
                missing.add(file + ": " + key);
            }
        });
        assertThat(missing).as("keys named in Java missing from messages.properties").isEmpty();
    }

    /**
     * Java hands the user words only through keys: a flash notice, a rule's refusal, a form error or a mail subject
     * written as an English literal would bypass the bundle (and a translation).
     */
    @Test
    void javaHandsUsersKeysNotEnglish() throws IOException {
        List<String> english = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                ENGLISH_FOR_USERS.matcher(text).results()
                        .forEach(match -> english.add(file.getFileName() + ": " + match.group().strip()));
            }
        }
        assertThat(english).as("English literals handed to users from Java").isEmpty();
    }

    @Test
    void everyKeyInTheBundleIsUsed() throws IOException {
        Set<String> used = new TreeSet<>(constraintKeys().keySet());
        used.addAll(javaKeys(bundle()).keySet());
        for (Path template : templates()) {
            String text = Files.readString(template);
            MESSAGE_KEY.matcher(text).results().forEach(match -> used.add(match.group(1)));
            QUOTED_KEY.matcher(text).results().forEach(match -> used.add(match.group(1)));
        }
        Set<String> unused = new TreeSet<>();
        for (String key : bundle().stringPropertyNames()) {
            if (!used.contains(key) && !isBindingErrorKey(key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys in messages.properties no template uses").isEmpty();
    }

    /**
     * Spring formats a message with arguments by MessageFormat: a broken pattern would fail only when rendered, and a
     * lone apostrophe would quote the rest of the message away (write it as '').
     */
    @Test
    void everyMessageWithArgumentsIsAValidPattern() throws IOException {
        Properties bundle = bundle();
        List<String> broken = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String message = bundle.getProperty(key);
            if (message.contains("{")) {
                try {
                    new MessageFormat(message, Locale.ENGLISH);
                }
                catch (IllegalArgumentException ex) {
                    broken.add(key + ": " + ex.getMessage());
                }
                if (message.replace("''", "").contains("'")) {
                    broken.add(key + ": a lone apostrophe");
                }
            }
        }
        assertThat(broken).as("messages that are not valid MessageFormat patterns").isEmpty();
    }

    @Test
    void convertedTemplatesHaveNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String folder = TEMPLATES.relativize(template).getParent() == null ? ""
                    : TEMPLATES.relativize(template).getParent().toString().replace('\\', '/').split("/")[0];
            if (UNCONVERTED.containsKey(folder)) {
                continue;
            }
            if (template.toString().endsWith(".txt")) {
                // A text mail: what is left outside [(...)], [[...]] and the [# ...] [/] blocks is read as written.
                String literal = TEXT_MAIL_MARKUP.matcher(Files.readString(template)).replaceAll(" ");
                literal.lines().filter(TemplateMessagesTests::readable).forEach(line ->
                        literals.add(TEMPLATES.relativize(template) + ": \"" + line.strip() + "\""));
                continue;
            }
            Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : document.getAllElements()) {
                if (replaced(element.parent())) {
                    continue;
                }
                for (String name : attributesToCheck(element)) {
                    if (element.hasAttr(name) && readable(element.attr(name))) {
                        literals.add(TEMPLATES.relativize(template) + ": " + name + "=\"" + element.attr(name) + "\"");
                    }
                }
                // A key to press or a piece of code reads the same in every language.
                if (replaced(element) || element.closest("kbd, code") != null) {
                    continue;
                }
                for (Node child : element.childNodes()) {
                    if (child instanceof TextNode text && readable(text.text())) {
                        literals.add(TEMPLATES.relativize(template) + ": \"" + text.text().strip() + "\"");
                    }
                }
            }
        }
        assertThat(literals).as("literal English in converted templates (move it to messages.properties)").isEmpty();
    }

    /**
     * Thymeleaf writes this element's body itself (or the element's, or an ancestor's). A page's {@code <html>} is
     * replaced by the layout, which takes the page's own title and main, so it does not count.
     */
    private static boolean replaced(Element element) {
        for (Element at = element; at != null && !at.tagName().equals("html"); at = at.parent()) {
            for (String processor : REPLACING) {
                if (at.hasAttr(processor)) {
                    return true;
                }
            }
            if (at.tagName().equals("textarea") && at.hasAttr("th:field")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> attributesToCheck(Element element) {
        List<String> names = new ArrayList<>(TEXT_ATTRIBUTES);
        String type = element.attr("type");
        // A button element's value is sent, not shown; an input button's value is its caption.
        if (element.tagName().equals("input") && Set.of("submit", "button", "reset").contains(type)) {
            names.add("value");
        }
        if (element.tagName().equals("meta") && element.attr("name").equals("description")) {
            names.add("content");
        }
        return names;
    }

    /** Has a letter: whitespace, punctuation, numbers and symbols such as · and → are not text to translate. */
    private static boolean readable(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** Spring's codes for binding errors (typeMismatch...) and Bean Validation's constraint names (NotBlank...). */
    private static boolean isBindingErrorKey(String key) {
        String first = key.split("\\.")[0];
        return Set.of("typeMismatch", "methodInvocation", "required").contains(first)
                || Character.isUpperCase(first.charAt(0));
    }

    private static Set<String> prefixes(Properties bundle) {
        Set<String> prefixes = new TreeSet<>();
        bundle.stringPropertyNames().forEach(key -> prefixes.add(key.split("\\.")[0]));
        return prefixes;
    }

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Keys main code gives Bean Validation constraints, with the file that names each. */
    private static Map<String, Path> constraintKeys() throws IOException {
        Map<String, Path> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                CONSTRAINT_KEY.matcher(Files.readString(file)).results().forEach(match -> keys.put(match.group(1), file));
            }
        }
        return keys;
    }

    /** String literals in main code shaped like keys whose first part is a bundle's prefix or a module's name. */
    private static Map<String, Path> javaKeys(Properties bundle) throws IOException {
        Set<String> prefixes = prefixes(bundle);
        try (Stream<Path> modules = Files.list(Path.of("src/main/java/org/sourcewire"))) {
            modules.filter(Files::isDirectory).forEach(module -> prefixes.add(module.getFileName().toString()));
        }
        Map<String, Path> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                JAVA_KEY.matcher(Files.readString(file)).results().map(match -> match.group(1))
                        .filter(key -> prefixes.contains(key.substring(0, key.indexOf('.'))))
                        .forEach(key -> keys.put(key, file));
            }
        }
        return keys;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

}
