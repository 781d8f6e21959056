package org.sourcewire.outlets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.Domains;
import org.sourcewire.shared.RuleException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outlet registry admins keep: add and edit outlets, add their domains, confirm a domain (which verifies the
 * journalists whose confirmed address is at it). Every change goes to the audit log.
 */
@Service
@Transactional
class OutletRegistry {

    private final JdbcClient jdbc;
    private final OutletChecks checks;
    private final AuditLog audit;
    private final Clock clock;

    OutletRegistry(JdbcClient jdbc, OutletChecks checks, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The registrable domain of what an admin or journalist typed: a web address, a host or an e-mail domain. */
    static Optional<String> domainOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        return text.contains("://") ? Domains.ofUrl(text) : Domains.registrable(text.replaceFirst("^.*@", "")
                .replaceFirst("/.*$", ""));
    }

    /**
     * A new outlet with one domain; confirmed at once when {@code confirmed}. Its id.
     *
     * @throws RuleException when the name or domain is taken or the domain is not one
     */
    public long add(String name, OutletType type, String website, boolean confirmed, Actor admin) {
        String domain = domainOf(website).orElseThrow(() -> new RuleException("website",
                "outlets.rule.website-not-a-domain"));
        Instant now = clock.instant();
        refuseTakenName(name, null);
        refuseTakenDomain(domain, "website");
        long id = jdbc.sql("insert into outlet (name, type, created_at, updated_at) values (:name, :type, :now, :now) returning id")
                .param("name", name.strip()).param("type", type.name()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        long domainId = insertDomain(id, domain);
        audit.record(admin, "outlet.added", "outlet " + id, "Added the outlet " + name.strip() + " (" + domain + ")",
                Map.of(), Map.of("name", name.strip(), "type", type.name(), "domain", domain));
        if (confirmed) {
            confirmDomain(id, domainId, admin);
        }
        return id;
    }

    public void edit(long id, String name, OutletType type, Actor admin) {
        OutletView before = find(id).orElseThrow(() -> new RuleException(null, "outlets.rule.unknown-outlet"));
        refuseTakenName(name, id);
        jdbc.sql("update outlet set name = :name, type = :type, updated_at = :now where id = :id")
                .param("name", name.strip()).param("type", type.name()).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
        audit.record(admin, "outlet.edited", "outlet " + id, "Edited the outlet " + name.strip(),
                Map.of("name", before.name(), "type", before.type().name()), Map.of("name", name.strip(), "type", type.name()));
    }

    /** Adds a domain, not yet confirmed. */
    public void addDomain(long id, String typed, Actor admin) {
        OutletView outlet = find(id).orElseThrow(() -> new RuleException(null, "outlets.rule.unknown-outlet"));
        String domain = domainOf(typed).orElseThrow(() -> new RuleException("domain",
                "outlets.rule.not-a-domain"));
        refuseTakenDomain(domain, "domain");
        insertDomain(id, domain);
        audit.record(admin, "outlet.domain-added", "outlet " + id, "Added " + domain + " to " + outlet.name(),
                Map.of(), Map.of("domain", domain, "confirmed", false));
    }

    /** Confirms a domain of the outlet; the journalists at it get their check. How many were verified now. */
    public int confirmDomain(long outletId, long domainId, Actor admin) {
        OutletView outlet = find(outletId).orElseThrow(() -> new RuleException(null, "outlets.rule.unknown-outlet"));
        OutletView.Domain domain = outlet.domains().stream().filter(d -> d.id() == domainId).findFirst()
                .orElseThrow(() -> new RuleException(null, "outlets.rule.unknown-domain"));
        if (!domain.confirmed()) {
            jdbc.sql("update outlet_domain set confirmed_at = :now, confirmed_by = :admin where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("admin", admin.id()).param("id", domainId).update();
        }
        int verified = checks.verifyJournalistsAt(domain.domain(), outlet.name());
        audit.record(admin, "outlet.domain-confirmed", "outlet " + outletId,
                "Confirmed " + domain.domain() + " of " + outlet.name() + "; " + verified + " journalist(s) verified",
                Map.of("confirmed", domain.confirmed()), Map.of("confirmed", true, "journalistsVerified", verified));
        return verified;
    }

    @Transactional(readOnly = true)
    public Optional<OutletView> find(long id) {
        return views(jdbc.sql("select id, name, type, created_at from outlet where id = :id").param("id", id)
                .query((rs, n) -> new OutletView(rs.getLong(1), rs.getString(2), OutletType.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), List.of())).list()).stream().findFirst();
    }

    /** Outlets whose name or a domain contains {@code text}, by name; domains read in one statement per page. */
    @Transactional(readOnly = true)
    public Page<OutletView> search(String text, Pageable page) {
        String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        String where = """
                 where lower(o.name) like :pattern escape '!'
                    or exists (select 1 from outlet_domain d where d.outlet_id = o.id and d.domain like :pattern escape '!')""";
        List<OutletView> found = jdbc.sql("select o.id, o.name, o.type, o.created_at from outlet o " + where
                + " order by lower(o.name), o.id limit :limit offset :offset")
                .param("pattern", pattern).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new OutletView(rs.getLong(1), rs.getString(2), OutletType.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), List.of())).list();
        long total = jdbc.sql("select count(*) from outlet o " + where).param("pattern", pattern).query(Long.class).single();
        return new PageImpl<>(views(found), page, total);
    }

    private List<OutletView> views(List<OutletView> outlets) {
        if (outlets.isEmpty()) {
            return outlets;
        }
        Map<Long, List<OutletView.Domain>> domains = new LinkedHashMap<>();
        jdbc.sql("select outlet_id, id, domain, confirmed_at from outlet_domain where outlet_id in (:ids) order by domain")
                .param("ids", outlets.stream().map(OutletView::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new OutletView.Domain(rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())))
                .list().forEach(e -> domains.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return outlets.stream().map(o -> new OutletView(o.id(), o.name(), o.type(), o.createdAt(),
                domains.getOrDefault(o.id(), List.of()))).toList();
    }

    /** The outlet that owns this registrable domain, if any (confirmed or not). */
    @Transactional(readOnly = true)
    Optional<String> outletAt(String domain) {
        return jdbc.sql("select o.name from outlet_domain d join outlet o on o.id = d.outlet_id where d.domain = :domain")
                .param("domain", domain).query(String.class).optional();
    }

    private long insertDomain(long outletId, String domain) {
        try {
            return jdbc.sql("insert into outlet_domain (outlet_id, domain) values (:outlet, :domain) returning id")
                    .param("outlet", outletId).param("domain", domain).query(Long.class).single();
        }
        catch (DuplicateKeyException ex) {
            // Two admins adding the same domain at once: the unique index decides.
            throw new RuleException("domain", "outlets.rule.domain-in-registry", domain);
        }
    }

    private void refuseTakenDomain(String domain, String field) {
        outletAt(domain).ifPresent(owner -> {
            throw new RuleException(field, "outlets.rule.domain-taken", domain, owner);
        });
    }

    private void refuseTakenName(String name, Long except) {
        boolean taken = jdbc.sql("select exists (select 1 from outlet where lower(name) = lower(:name) and id <> :except)")
                .param("name", name.strip()).param("except", except == null ? -1L : except).query(Boolean.class).single();
        if (taken) {
            throw new RuleException("name", "outlets.rule.name-taken");
        }
    }
}
