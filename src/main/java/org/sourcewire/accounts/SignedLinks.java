package org.sourcewire.accounts;

import java.util.Optional;

/** Small helpers the account mails' signed links share. */
final class SignedLinks {

    private SignedLinks() {
    }

    /** The id of the account a signed link's subject ({@code <id>:<...>}) names, if it names one. */
    static Optional<Long> accountId(String subject) {
        int colon = subject.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(subject.substring(0, colon)));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
