package org.sourcewire;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private static final List<Class<? extends Annotation>> LISTENERS = List.of(EventListener.class,
            TransactionalEventListener.class, ApplicationModuleListener.class);

    private final ApplicationModules modules = ApplicationModules.of(SourcewireApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Modulith sees Java types only: SQL naming another module's table is a dependency too, and must be declared. */
    @Test
    void sqlNamesNoTableOfAModuleItDoesNotDeclare() {
        List<TableBoundaries.Crossing> crossings = TableBoundaries.undeclared(modules, Path.of("src/main/java"),
                SourcewireApplication.class.getPackageName(), Path.of("src/main/resources/db/migration"));

        assertThat(crossings).as("SQL naming a table of an undeclared module (read it through a view or method "
                + "the owner offers, and declare the owner)").isEmpty();
    }

    @Test
    void tableOwnersComeFromTheMigrations() {
        var owners = TableBoundaries.owners(Path.of("src/main/resources/db/migration"));

        assertThat(owners).containsEntry("pitch", "pitches").containsEntry("journalist_query", "queries")
                .containsEntry("source_match", "matching").containsEntry("event_publication", "shared");
        assertThat(owners.values()).allSatisfy(module -> assertThat(modules.getModuleByName(module)).isPresent());
    }

    /** An event nobody hears is dead code that looks like an extension point: give it a listener or remove it. */
    @Test
    void everyPublishedEventHasAListenerInMainCode() throws IOException {
        // Listeners in main code, in any module (Modulith's getEventsListenedTo leaves out a module's own events).
        Set<String> heard = modules.stream().flatMap(module -> module.getBasePackage().stream())
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> LISTENERS.stream().anyMatch(method::isAnnotatedWith))
                .filter(method -> !method.getRawParameterTypes().isEmpty())
                .map(method -> method.getRawParameterTypes().get(0).getSimpleName())
                .collect(Collectors.toSet());
        // Modulith lists published events only for types marked as events, so read the publishing calls instead.
        Pattern publishing = Pattern.compile("(?:publishEvent|registerEvent)\\(\\s*new\\s+(?:[a-z]\\w*\\.)*([A-Z]\\w*)\\(");
        Set<String> published = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                publishing.matcher(Files.readString(file)).results().forEach(call -> published.add(call.group(1)));
            }
        }

        assertThat(published).as("events published").contains("QueryPublished", "PitchSubmitted");
        assertThat(published).as("events published that no listener in main code hears")
                .allMatch(heard::contains, "heard");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
