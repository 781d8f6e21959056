package org.sourcewire.pitches;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderators' queue of open reports on pitches (admins only, by the security rules for /admin). */
@Controller
@RequestMapping("/admin/reports")
class ReportAdminController {

    private final JdbcClient jdbc;

    ReportAdminController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OpenReport(long id, UUID pitch, String reason, String note, Instant at, String reporter, String source,
            String headline) {

        public String reasonLabel() {
            return ReportReason.valueOf(reason).label();
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        PageRequest request = PageRequest.of(Math.max(page, 0), 25);
        List<OpenReport> rows = jdbc.sql("""
                select r.id, p.public_id, r.reason, r.note, r.created_at, a.display_name, s.name, q.headline
                from pitch_report r
                join pitch p on p.id = r.pitch_id
                join account a on a.id = r.reporter_id
                join source_profile s on s.id = p.source_id
                join journalist_query q on q.id = p.query_id
                where r.status = 'OPEN' order by r.created_at, r.id limit :limit offset :offset""")
                .param("limit", request.getPageSize()).param("offset", request.getOffset())
                .query((rs, n) -> new OpenReport(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        long total = jdbc.sql("select count(*) from pitch_report where status = 'OPEN'").query(Long.class).single();
        model.addAttribute("reports", new PageImpl<>(rows, request, total));
        return "pitches/admin-reports";
    }
}
