package vn.motcua.security;

import io.smallrye.config.ConfigMapping;

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
}
