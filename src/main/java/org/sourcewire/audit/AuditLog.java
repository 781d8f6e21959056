package org.sourcewire.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records an action in the caller's transaction, so the log and the change commit or roll back together. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param action   what happened, e.g. {@code topic.renamed}
     * @param subject  what it happened to, e.g. {@code topic 12}
     * @param summary  one line for people, e.g. {@code Renamed "Tech" to "High Tech"}
     * @param before   the relevant state before (may be null)
     * @param after    the relevant state after (may be null)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subject, String summary, Map<String, ?> before,
            Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_entry (actor_id, actor_email, action, subject, summary, before, after, at)
                values (:actorId, :actorEmail, :action, :subject, :summary, cast(:before as jsonb), cast(:after as jsonb), :at)
                """)
                .param("actorId", actor.id())
                .param("actorEmail", actor.email())
                .param("action", action)
                .param("subject", subject)
                .param("summary", summary)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
