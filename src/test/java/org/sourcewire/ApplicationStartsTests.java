package org.sourcewire;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class ApplicationStartsTests {

    @Autowired
    java.util.List<org.flywaydb.core.api.migration.JavaMigration> javaMigrations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void flywayAppliedEveryMigrationToTheEmbeddedPostgres() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
        long applied = jdbc.sql("select count(*) from flyway_schema_history where success and version is not null")
                .query(Long.class).single();

        assertThat(migrations).isNotEmpty();
        // The SQL migrations and the Java ones (Spring beans Flyway runs, e.g. screening's MeaningBandsMigration).
        assertThat(applied).isEqualTo(migrations.length + javaMigrations.size());
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("select extname from pg_extension").query(String.class).list()).contains("citext", "pg_trgm");
        assertThat(Arrays.stream(migrations).map(Resource::getFilename)).allMatch(name -> name.matches("V\\d+__[a-z]+_.+\\.sql"));
    }
}
