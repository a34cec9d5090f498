package vn.motcua.security;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/**
 * {@code motcua.security.*}. Each service names its clients; there is no default, so a service without the list
 * refuses to start rather than take tokens of any client of the realm.
 */
@ConfigMapping(prefix = "motcua.security")
public interface SecurityConfig {

    /** Clients ({@code azp}) whose tokens the service takes, e.g. {@code kiosk-*,motcua-staff}; see {@link AllowedClients}. */
    List<String> allowedClients();
}
