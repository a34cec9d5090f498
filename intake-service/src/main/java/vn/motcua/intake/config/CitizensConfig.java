package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code motcua.citizens.*}: what the pages for citizens need to know of the deployment. */
@ConfigMapping(prefix = "motcua.citizens")
public interface CitizensConfig {

    /**
     * The status page's public address, without a query: the slip's QR code and printed link are this with
     * {@code ?ma=<lookup code>}. Behind a proxy or a portal, the address citizens reach, not intake's own.
     */
    @WithDefault("http://localhost:8081/tra-cuu")
    String pageUrl();
}
