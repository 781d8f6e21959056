package org.sourcewire.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String action, Model model) {
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        String filter = action.isBlank() ? "" : "where action like :prefix";
        var select = jdbc.sql("select id, actor_email, action, subject, summary, before::text as before, after::text as after, at "
                + "from audit_entry " + filter + " order by at desc, id desc limit :limit offset :offset")
                .param("limit", PAGE_SIZE).param("offset", request.getOffset());
        var count = jdbc.sql("select count(*) from audit_entry " + filter);
        if (!action.isBlank()) {
            String prefix = action.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            select = select.param("prefix", prefix);
            count = count.param("prefix", prefix);
        }
        List<Entry> entries = select.query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("actor_email"),
                rs.getString("action"), rs.getString("subject"), rs.getString("summary"), rs.getString("before"),
                rs.getString("after"), rs.getTimestamp("at").toInstant())).list();
        model.addAttribute("entries", new PageImpl<>(entries, request, count.query(Long.class).single()));
        model.addAttribute("action", action);
        model.addAttribute("actions", jdbc.sql("select distinct split_part(action, '.', 1) from audit_entry order by 1")
                .query(String.class).list());
        return "audit/list";
    }

    record Entry(long id, String actorEmail, String action, String subject, String summary, String before, String after,
            Instant at) {
    }
}
