package org.sourcewire.pitches;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.awaitility.Awaitility;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Screening runs just after a pitch is stored, on its own threads: tests that read a pitch's score wait for it here.
 * Every test context shares one database, so any open context's connection will do (not a closed one's).
 */
@Component
public class TestScreening implements DisposableBean {

    private static final ConcurrentLinkedDeque<JdbcClient> open = new ConcurrentLinkedDeque<>();

    private final JdbcClient jdbc;

    TestScreening(JdbcClient jdbc) {
        this.jdbc = jdbc;
        open.add(jdbc);
    }

    @Override
    public void destroy() {
        open.remove(jdbc);
    }

    /** Waits until the pitch at {@code /pitches/{publicId}} is screened (or gone). */
    public static void awaitScreened(String path) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> open.getFirst().sql("select coalesce(bool_and(score is not null), true) from pitch "
                        + "where public_id = cast(:id as uuid)").param("id", id).query(Boolean.class).single());
    }
}
