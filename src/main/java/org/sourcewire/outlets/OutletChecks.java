package org.sourcewire.outlets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.EmailConfirmed;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.shared.Domains;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic outlet check: a confirmed journalist whose e-mail address is at a confirmed domain of a registered
 * outlet, and whose account names that outlet (its website at one of the outlet's confirmed domains), gets a passed
 * {@link VerificationKind#OUTLET_EMAIL_DOMAIN} check (subject: the e-mail's domain). The address alone is not enough:
 * the badge goes beside the outlet the account names, so someone at ledger.example naming another outlet gets no check.
 * Run when an address is confirmed and when a domain is confirmed, so the order of the two does not matter.
 */
@Component
class OutletChecks {

    private final AccountManagement accounts;
    private final Verifications verifications;
    private final JdbcClient jdbc;

    OutletChecks(AccountManagement accounts, Verifications verifications, JdbcClient jdbc) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.jdbc = jdbc;
    }

    /** Inside the confirming transaction: the badge is there on the journalist's first page. */
    @EventListener
    void on(EmailConfirmed confirmed) {
        if (confirmed.role() != Role.JOURNALIST) {
            return;
        }
        Optional<String> website = accounts.find(confirmed.accountId()).flatMap(account -> Domains.ofUrl(account.outletUrl()));
        Domains.ofEmail(confirmed.email()).ifPresent(domain -> confirmedOutletAt(domain)
                .filter(outlet -> website.filter(confirmedDomainsOf(domain)::contains).isPresent())
                .ifPresent(outlet -> verifications.record(confirmed.accountId(), VerificationKind.OUTLET_EMAIL_DOMAIN,
                        domain, true, detail(domain, outlet))));
    }

    /**
     * Every confirmed journalist at this (just confirmed) domain who names its outlet and has no standing check for the
     * domain gets one.
     */
    @Transactional
    int verifyJournalistsAt(String domain, String outletName) {
        List<String> outletDomains = confirmedDomainsOf(domain);
        List<AccountView> journalists = accounts.journalistsAtDomain(domain).stream()
                .filter(journalist -> Domains.ofUrl(journalist.outletUrl()).filter(outletDomains::contains).isPresent())
                .toList();
        Map<Long, List<Verifications.Check>> standing = verifications.passed(journalists.stream().map(AccountView::id).toList());
        int verified = 0;
        for (AccountView journalist : journalists) {
            boolean already = standing.getOrDefault(journalist.id(), List.of()).stream()
                    .anyMatch(check -> check.kind() == VerificationKind.OUTLET_EMAIL_DOMAIN && check.subject().equals(domain));
            if (!already) {
                verifications.record(journalist.id(), VerificationKind.OUTLET_EMAIL_DOMAIN, domain, true,
                        detail(domain, outletName));
                verified++;
            }
        }
        return verified;
    }

    private Optional<String> confirmedOutletAt(String domain) {
        return jdbc.sql("""
                select o.name from outlet_domain d join outlet o on o.id = d.outlet_id
                where d.domain = :domain and d.confirmed_at is not null""")
                .param("domain", domain).query(String.class).optional();
    }

    /** The confirmed domains of the outlet that has this domain, the domain itself among them if it is confirmed. */
    private List<String> confirmedDomainsOf(String domain) {
        return jdbc.sql("""
                select other.domain from outlet_domain d join outlet_domain other on other.outlet_id = d.outlet_id
                where d.domain = :domain and other.confirmed_at is not null""")
                .param("domain", domain).query(String.class).list();
    }

    private static String detail(String domain, String outletName) {
        return "E-mail address at " + domain + ", a confirmed domain of " + outletName;
    }
}
