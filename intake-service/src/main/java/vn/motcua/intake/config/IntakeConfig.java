package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.motcua.intake.domain.ApologyDeadline;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;

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

    /**
     * Backdating a step by more than this many working days (on the calendar in force) takes the admin role; a
     * kiosk or a clerk catching up on the last days does not need it.
     */
    @WithDefault("3")
    int backdateWindow();

    /** Moving the dossiers of closed units to their successors (app.DossierTransfers). */
    Transfers transfers();

    interface Transfers {
        /** How often each instance looks for closings that have come into force (a closing dated ahead). */
        @WithDefault("60S")
        Duration every();

        /** Dossiers moved per transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * The job is not live when no run has finished for this long: runs finish (or fail) within seconds, so only
         * a stuck run or a dead scheduler gets this far. Keep it well above {@link #every()}.
         */
        @WithDefault("5M")
        Duration stallAfter();
    }

    /** Erasing applicants' personal data after the retention (app.PersonalDataErasure). */
    PersonalData personalData();

    interface PersonalData {
        /**
         * How long after a dossier closed (resolved or withdrawn) its applicant's name, ID number, phone and the
         * clerk's reasons are kept; then they are erased. The default, five years, is the operator's to confirm
         * against the province's records retention list (docs/operations.md, "Personal data in intake").
         */
        @WithDefault("P5Y")
        Period retention();

        /** How often each instance erases what the retention has run out for. */
        @WithDefault("1H")
        Duration every();

        /** Dossiers erased per transaction. */
        @WithDefault("200")
        int batchSize();

        /** The job is not live when no run has finished for this long; keep it well above {@link #every()}. */
        @WithDefault("3H")
        Duration stallAfter();
    }

    /** The citizen's lookup without login, limited per client address. */
    LookupLimit lookupLimit();

    interface LookupLimit {
        /** Lookups an address may make at once. */
        @WithDefault("10")
        int burst();

        /** Lookups an address gets back per minute. */
        @WithDefault("20")
        int perMinute();

        /** Addresses tracked at once; the least recently seen is forgotten first. */
        @WithDefault("10000")
        int addresses();

        /**
         * Proxies (addresses or CIDR networks) whose X-Forwarded-For is believed; from any other socket the header
         * is ignored. Empty: the socket's address always counts.
         */
        Optional<List<String>> trustedProxies();

        /** Lookups all addresses together may make at once on this instance: a ceiling on a spread-out flood. */
        @WithDefault("1000")
        int globalBurst();

        /** Lookups all addresses together get back per minute on this instance. */
        @WithDefault("6000")
        int globalPerMinute();
    }
}
