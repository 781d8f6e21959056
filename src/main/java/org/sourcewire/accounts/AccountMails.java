package org.sourcewire.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SignedTokens;
import org.sourcewire.shared.SignedTokens.TokenCheck;
import org.sourcewire.shared.SiteUrls;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The mails an account's owner gets: a signed link (confirm the address, reset the password) and the notices with
 * plain links back to the site. Sign-up and password reset both issue and read back links the same way, here.
 */
@Component
class AccountMails {

    /**
     * One kind of signed link: what its token is for, the page it opens, the mail that carries it, and the account's
     * subject it is signed for (a subject that changes, e.g. with the password, voids the links issued before).
     */
    record LinkKind(String purpose, String path, MessageSourceResolvable mailSubject, String template,
            Function<Account, String> subject) {
    }

    private final SignedTokens tokens;
    private final SiteUrls urls;
    private final Outbox outbox;
    private final Clock clock;
    private final Messages messages;

    AccountMails(SignedTokens tokens, SiteUrls urls, Outbox outbox, Clock clock, Messages messages) {
        this.tokens = tokens;
        this.urls = urls;
        this.outbox = outbox;
        this.clock = clock;
        this.messages = messages;
    }

    /** Queues, in the caller's transaction, a mail with a fresh link of that kind, valid for {@code validity}. */
    void sendLink(LinkKind kind, Account account, Duration validity) {
        String token = tokens.issue(kind.purpose(), kind.subject().apply(account), clock.instant().plus(validity));
        outbox.queue(new Email(account.getEmail(), kind.mailSubject(), kind.template(),
                Map.of("name", account.getDisplayName(), "link", urls.link(kind.path(), "token", token),
                        "validity", inWords(validity))));
    }

    TokenCheck check(LinkKind kind, String token) {
        return tokens.check(kind.purpose(), token);
    }

    /**
     * The account a checked link names, found by {@code find} (e.g. with a lock), if the link is still signed for the
     * account's current subject; whether the link has expired is the caller's to decide from the check.
     */
    Optional<Account> accountOf(LinkKind kind, TokenCheck check, Function<Long, Optional<Account>> find) {
        if (check.subject() == null) {
            return Optional.empty();
        }
        return SignedLinks.accountId(check.subject()).flatMap(find)
                .filter(candidate -> kind.subject().apply(candidate).equals(check.subject()));
    }

    /** Queues a notice to the account's owner; {@code links} maps model names to site paths. */
    void sendNotice(Account account, MessageSourceResolvable mailSubject, String template, Map<String, String> links) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", account.getDisplayName());
        links.forEach((name, path) -> model.put(name, urls.link(path)));
        outbox.queue(new Email(account.getEmail(), mailSubject, template, model));
    }

    /** How long a link works, in words ("48 hours"). */
    String inWords(Duration duration) {
        long hours = duration.toHours();
        return hours >= 1 ? messages.text("accounts.text.validity.hours", hours)
                : messages.text("accounts.text.validity.minutes", duration.toMinutes());
    }
}
