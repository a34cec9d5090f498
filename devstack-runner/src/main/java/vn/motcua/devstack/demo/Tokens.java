package vn.motcua.devstack.demo;

import vn.motcua.infra.KeycloakTokens;
import vn.motcua.infra.KeycloakTokens.IssuedToken;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bearer tokens for the demo's calls, from the demo realm (keycloak/demo-realm.json): a unit's kiosk by its
 * client credentials, a unit's clerk (or any demo user) by the password grant. Each is kept until shortly before it expires, so a
 * replay of thousands of requests asks Keycloak a few times per five-minute token.
 */
public final class Tokens {

    /** A token is fetched again this long before it expires: a request in flight must not carry a dead one. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    /** Who asks: a confidential client (kiosk) or a user of the public CLI client (clerk). */
    record Login(String name, String secret, boolean client) {
    }

    private final Function<Login, IssuedToken> issuer;
    private final Clock clock;
    private final Map<Login, IssuedToken> cache = new ConcurrentHashMap<>();

    Tokens(Function<Login, IssuedToken> issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Tokens from the realm at {@code issuer}, e.g. {@code http://localhost:8180/realms/motcua}. */
    public static Tokens from(String issuer) {
        KeycloakTokens keycloak = new KeycloakTokens(URI.create(issuer + "/protocol/openid-connect/token"));
        return new Tokens(login -> login.client()
                ? keycloak.clientCredentials(login.name(), login.secret())
                : keycloak.password(login.name(), login.secret()), Clock.systemUTC());
    }

    /** The kiosk of a unit: client {@code kiosk-sadec-p1}, secret {@code kiosk-sadec-p1-secret}. */
    public String kiosk(String unitCode) {
        String clientId = "kiosk-" + unitCode.toLowerCase(Locale.ROOT);
        return token(new Login(clientId, clientId + "-secret", true));
    }

    /** The clerk of a unit: {@code clerk-sadec} for the city, {@code clerk-p1} for SADEC-P1; password = name. */
    public String clerk(String unitCode) {
        return user(clerkOf(unitCode));
    }

    /** Any user of the demo realm, whose password is its name: {@code admin}, {@code supervisor-sadec}, … */
    public String user(String name) {
        return token(new Login(name, name, false));
    }

    static String clerkOf(String unitCode) {
        int dash = unitCode.indexOf('-');
        return "clerk-" + (dash < 0 ? unitCode : unitCode.substring(dash + 1)).toLowerCase(Locale.ROOT);
    }

    private String token(Login login) {
        return cache.compute(login, (key, held) ->
                held != null && clock.instant().plus(MARGIN).isBefore(held.expiresAt()) ? held : issuer.apply(key))
                .value();
    }
}
