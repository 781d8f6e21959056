package org.sourcewire.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Limits the mails that anyone can make Sourcewire send (sign-up, verification re-send, password reset), per client
 * address and per target e-mail address, so nobody can flood a mailbox through the app. The allowances are Bucket4j
 * token buckets kept in PostgreSQL ({@code mail_rate_limit}), so every app instance draws on the same ones.
 * <p>
 * Each check takes a database connection of its own and commits at once. Call it outside a transaction (the
 * controllers do), so a request never holds two connections and a spent allowance stays spent.
 */
@Component
class MailRateLimits {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perEmail;
    private final BucketConfiguration perAddress;

    MailRateLimits(ProxyManager<String> mailRateLimitBuckets, AccountsProperties properties) {
        this.buckets = mailRateLimitBuckets;
        AccountsProperties.MailLimits limits = properties.mailLimits();
        this.perEmail = allowance(limits.perEmail(), limits.period());
        this.perAddress = allowance(limits.perAddress(), limits.period());
    }

    /**
     * Takes one mail from the client address's allowance, then one from the e-mail address's. The e-mail's is taken
     * whether or not it belongs to an account, so the answer never tells which addresses are members.
     *
     * @return why not, if either allowance is used up
     */
    Optional<Refusal> tryAcquire(String clientAddress, String email) {
        if (clientAddress != null) {
            ConsumptionProbe byAddress = buckets.getProxy("address:" + clientKey(clientAddress), () -> perAddress)
                    .tryConsumeAndReturnRemaining(1);
            if (!byAddress.isConsumed()) {
                return Optional.of(new Refusal(false, Duration.ofNanos(byAddress.getNanosToWaitForRefill())));
            }
        }
        ConsumptionProbe byEmail = buckets.getProxy("email:" + Account.normalizeEmail(email), () -> perEmail)
                .tryConsumeAndReturnRemaining(1);
        return byEmail.isConsumed() ? Optional.empty()
                : Optional.of(new Refusal(true, Duration.ofNanos(byEmail.getNanosToWaitForRefill())));
    }

    /** The allowance comes back one mail at a time, evenly over the period (no burst at the turn of the hour). */
    private static BucketConfiguration allowance(int mails, Duration period) {
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(mails).refillGreedy(mails, period)).build();
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 network, which is what one subscriber gets (counting single
     * IPv6 addresses would give each client 2^64 allowances).
     */
    static String clientKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        }
        catch (UnknownHostException ex) {
            return address;
        }
    }

    /**
     * A used-up allowance: of the target e-mail address, or else of the client address. Its words, with the minutes
     * to wait, are a key of {@code messages.properties}.
     */
    record Refusal(boolean forEmail, Duration retryAfter) implements MessageSourceResolvable {

        String code() {
            return forEmail ? "accounts.rule.mail-limit.address" : "accounts.rule.mail-limit.network";
        }

        @Override
        public String[] getCodes() {
            return new String[] { code() };
        }

        @Override
        public Object[] getArguments() {
            return new Object[] { Math.max(1, (retryAfter.toSeconds() + 59) / 60) };
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
