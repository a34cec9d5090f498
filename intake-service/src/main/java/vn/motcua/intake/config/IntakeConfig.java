package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.motcua.intake.domain.ApologyDeadline;

import java.time.Duration;

/** The intake rules an operator may set (docs/contracts.md, intake-service). */
@ConfigMapping(prefix = "motcua.intake")
public interface IntakeConfig {

    /** How far in the future a client's time may lie: a kiosk's clock is a little off. */
    @WithDefault("PT2M")
    Duration clockSkew();

    /** A larger body is refused (413) before it is read: no dossier needs more. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** When the apology (form 04) must be sent, by local rule. */
    @WithDefault("DUE_DATE")
    ApologyDeadline apologyDeadline();
}
