package org.sourcewire.outlets;

import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.RuleException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin confirms (or withdraws) a journalist's outlet by hand, with a note: for staff at an outlet whose mail is
 * elsewhere, freelancers with a commission. Recorded as an {@link VerificationKind#OUTLET_CONFIRMED} check whose
 * subject is the outlet the journalist names; the note is for admins only.
 */
@Service
@Transactional
class OutletConfirmations {

    private final AccountManagement accounts;
    private final Verifications verifications;
    private final AuditLog audit;

    OutletConfirmations(AccountManagement accounts, Verifications verifications, AuditLog audit) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.audit = audit;
    }

    public void decide(long journalistId, boolean confirmed, String note, Actor admin) {
        AccountView journalist = accounts.find(journalistId).filter(AccountView::isJournalist)
                .orElseThrow(() -> new RuleException(null, "outlets.rule.unknown-journalist"));
        if (!journalist.verified()) {
            throw new RuleException(null, "outlets.rule.journalist-unconfirmed");
        }
        verifications.recordByAdmin(journalistId, VerificationKind.OUTLET_CONFIRMED, journalist.outletName(), confirmed,
                confirmed ? "Works for " + journalist.outletName() : "Not confirmed for " + journalist.outletName(),
                admin.id(), note.strip());
        audit.record(admin, confirmed ? "outlet.journalist-confirmed" : "outlet.journalist-withdrawn",
                "account " + journalistId, (confirmed ? "Confirmed " : "Withdrew the confirmation of ")
                        + journalist.email() + " at " + journalist.outletName() + ": " + note.strip(),
                Map.of("outletVerified", journalist.hasVerifiedOutlet()),
                Map.of("outlet", journalist.outletName(), "confirmed", confirmed, "note", note.strip()));
    }
}
