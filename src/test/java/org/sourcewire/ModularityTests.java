package org.sourcewire;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

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

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
