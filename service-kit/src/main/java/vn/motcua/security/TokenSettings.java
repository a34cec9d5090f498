package vn.motcua.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * {@code motcua.tokens.*}, a mapping rather than a plain property: a service whose own mapping covers all of
 * {@code motcua.*} (deadline's) refuses to start on a key no mapping takes. There is no default, so a service without
 * the list refuses to start rather than take tokens of any client of the realm.
 */
@ConfigMapping(prefix = "motcua.tokens")
public interface TokenSettings {

    /**
     * Clients ({@code azp}) whose tokens the service takes, e.g. {@code kiosk-*,motcua-staff}: {@link AllowedClients}.
     */
    List<String> allowedClients();

    /** {@code motcua.tokens.cache.*}: bearer tokens verified once, then taken until their expiry. */
    Cache cache();

    interface Cache {

        /**
         * Whether the service keeps the tokens it verified ({@link CachedTokenIdentityProvider}); off unless a service
         * turns it on, as intake does.
         */
        @WithDefault("false")
        boolean enabled();

        /** How many verified tokens are kept at most; beyond that the least useful are dropped and verified anew. */
        @WithDefault("10000")
        int maxEntries();
    }
}
