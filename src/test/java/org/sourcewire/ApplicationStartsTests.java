package org.sourcewire;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStartsTests extends IntegrationTest {

    @Autowired
    java.util.List<org.flywaydb.core.api.migration.JavaMigration> javaMigrations;

    @Test
    void flywayAppliedEveryMigrationToTheEmbeddedPostgres() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
        long applied = jdbc.sql("select count(*) from flyway_schema_history where success and version is not null")
                .query(Long.class).single();

        assertThat(migrations).isNotEmpty();
        // The SQL migrations and the Java ones (Spring beans Flyway runs, e.g. screening's MeaningBandsMigration).
        assertThat(applied).isEqualTo(migrations.length + javaMigrations.size());
        // The embedded server is PostgreSQL 17; a server of one's own (SPRING_DATASOURCE_URL, as .ci/run's pass on Debian's
        // PostgreSQL 15) is the version SOURCEWIRE_TEST_POSTGRES_MAJOR names, and never older than the oldest supported.
        int major = jdbc.sql("show server_version_num").query(Integer.class).single() / 10_000;
        assertThat(major).isGreaterThanOrEqualTo(15);
        String expected = System.getenv("SOURCEWIRE_TEST_POSTGRES_MAJOR");
        if (expected != null && !expected.isBlank()) {
            assertThat(major).isEqualTo(Integer.parseInt(expected));
        }
        else if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            assertThat(major).isEqualTo(17);
        }
        assertThat(jdbc.sql("select extname from pg_extension").query(String.class).list()).contains("citext", "pg_trgm");
        assertThat(Arrays.stream(migrations).map(Resource::getFilename)).allMatch(name -> name.matches("V\\d+__[a-z]+_.+\\.sql"));
    }
}
