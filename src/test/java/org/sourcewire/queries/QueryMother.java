package org.sourcewire.queries;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/** Builds query form posts: a complete, valid query unless a test overrides a field. */
public final class QueryMother {

    private QueryMother() {
    }

    public static String deadlineInHours(long hours) {
        return LocalDateTime.now(ZoneId.of("America/New_York")).plusHours(hours)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    public static long topicId(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from topic where name = :name").param("name", name).query(Long.class).single();
    }

    /** A complete query, deadline tomorrow, three questions; {@code overrides} replace fields ("" clears one). */
    public static MockMvcRequestBuilder complete(MockMvcRequestBuilder post, long topicId, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", "Sleep doctors: what helps shift workers sleep?");
        fields.put("topicId", String.valueOf(topicId));
        fields.put("outletName", "The Ledger");
        fields.put("outletUrl", "https://ledger.example");
        fields.put("mediaType", "ONLINE");
        fields.put("deadline", deadlineInHours(26));
        fields.put("timeZone", "America/New_York");
        fields.put("questions[0]", "What is the biggest mistake shift workers make?");
        fields.put("questions[1]", "Does melatonin help?");
        fields.put("questions[2]", "What should employers do?");
        fields.put("requirements", "Board-certified sleep physicians");
        fields.put("linkPolicy", "FOLLOWED");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(post::param);
        return post;
    }

    static MockMvcRequestBuilder post(MockMvcTester mvc) {
        return mvc.post().uri("/queries");
    }
}
