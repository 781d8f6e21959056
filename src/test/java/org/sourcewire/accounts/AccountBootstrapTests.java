package org.sourcewire.accounts;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccountBootstrapTests extends IntegrationTest {

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    Accounts repository;

    @Test
    void theConfiguredFirstAdminIsCreatedOnceAndVerified() {
        String email = TestAccounts.uniqueEmail("first-admin");
        AccountBootstrap bootstrap = new AccountBootstrap(accountManagement, new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://elsewhere/db"), email, "a long admin secret", "auto");

        boolean demoBefore = repository.findByAddress("maria@ledger.example").isPresent();
        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());

        Account admin = repository.findByAddress(email).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.isVerified()).isTrue();
        assertThat(repository.findByAddress("maria@ledger.example").isPresent())
                .as("no demo data with an admin configured").isEqualTo(demoBefore);
    }

    @Test
    void aConfiguredAdminWithoutAGoodPasswordStopsTheStart() {
        AccountBootstrap bootstrap = new AccountBootstrap(accountManagement, new MockEnvironment(),
                TestAccounts.uniqueEmail("admin"), "short", "auto");

        assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
                .withMessageContaining("SOURCEWIRE_ADMIN_PASSWORD");
    }

    @Test
    void demoDataOnTheEmbeddedDatabaseHasVerifiedAccountsForEveryRole() {
        new AccountBootstrap(accountManagement, new MockEnvironment(), "", "", "auto").run(new DefaultApplicationArguments());

        for (SignUp demo : AccountBootstrap.DEMO_ACCOUNTS) {
            Account account = repository.findByAddress(demo.email()).orElseThrow();
            assertThat(account.isVerified()).isTrue();
            assertThat(account.getRole()).isEqualTo(demo.role());
        }
    }
}
