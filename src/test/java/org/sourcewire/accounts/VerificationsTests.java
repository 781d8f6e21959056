package org.sourcewire.accounts;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The verification record: the latest check of a kind and subject decides, and only passed checks are shown. */
class VerificationsTests extends IntegrationTest {

    @Autowired
    Verifications verifications;

    @Test
    void theLatestCheckOfAKindAndSubjectDecidesAndFailedChecksAreNotShown() {
        CurrentUser expert = accounts.source();
        CurrentUser admin = accounts.admin();
        CurrentUser other = accounts.source();
        try {
            verifications.record(expert.id(), VerificationKind.WEBSITE_OWNERSHIP, "acme.example", true, "meta tag");
            verifications.record(expert.id(), VerificationKind.EMAIL_MATCHES_WEBSITE, "acme.example", false, null);
            clock.advance(Duration.ofMinutes(1));
            verifications.recordByAdmin(expert.id(), VerificationKind.CREDENTIAL_CONFIRMED, "GMC 1234567", true,
                    "Registry entry", admin.id(), "Checked the GMC register by phone");
            verifications.record(other.id(), VerificationKind.WEBSITE_OWNERSHIP, "other.example", true, null);

            assertThat(verifications.passed(expert.id())).extracting(Verifications.Check::kind, Verifications.Check::subject)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(VerificationKind.WEBSITE_OWNERSHIP, "acme.example"),
                            org.assertj.core.groups.Tuple.tuple(VerificationKind.CREDENTIAL_CONFIRMED, "GMC 1234567"));
            assertThat(verifications.passed(expert.id())).last().extracting(Verifications.Check::by)
                    .isNotEqualTo("Sourcewire");

            // The token is gone from the site: the newer failed check takes the badge's line away.
            clock.advance(Duration.ofMinutes(1));
            verifications.record(expert.id(), VerificationKind.WEBSITE_OWNERSHIP, "acme.example", false, "token not found");
            assertThat(verifications.passed(List.of(expert.id(), other.id())))
                    .hasEntrySatisfying(expert.id(), checks -> assertThat(checks).extracting(Verifications.Check::kind)
                            .containsExactly(VerificationKind.CREDENTIAL_CONFIRMED))
                    .hasEntrySatisfying(other.id(), checks -> assertThat(checks).hasSize(1));
            assertThat(verifications.history(expert.id())).hasSize(4).first()
                    .satisfies(recorded -> assertThat(recorded.check().passed()).isFalse());
            assertThat(verifications.history(expert.id())).extracting(Verifications.Recorded::note)
                    .contains("Checked the GMC register by phone");
        }
        finally {
            clock.reset();
        }
    }
}
