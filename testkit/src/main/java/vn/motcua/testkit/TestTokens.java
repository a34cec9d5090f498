package vn.motcua.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens as Keycloak's realm motcua issues them (realm roles in realm_access.roles, a user's units in
 * {@code units}, a kiosk client's unit in {@code unit}, the three services in {@code aud} and the client in
 * {@code azp}: a kiosk's own, the staff's {@code motcua-staff} for users), signed with the key whose public half the
 * WireMock issuer of quarkus-test-oidc-server serves; and the five kinds a service must refuse. For
 * {@code @QuarkusTest}s with {@code OidcWiremockTestResource}; the module brings quarkus-test-oidc-server, which
 * brings the signing library.
 */
public final class TestTokens {

    /** The issuer OidcWiremockTestResource announces in its discovery document. */
    static final String ISSUER = "https://server.example.com";
    /** What the realm's audience mappers put in {@code aud}: each service takes only tokens naming it. */
    public static final Set<String> AUDIENCES = Set.of("intake-service", "deadline-service", "stats-service");
    /** The client ({@code azp}) of clerks', supervisors' and admins' tokens. */
    public static final String STAFF_CLIENT = "motcua-staff";

    private TestTokens() {
    }

    public static String user(String name, String role, String... units) {
        return SIGNED.get(List.of("user", name, role, List.of(units)),
                () -> claims(name, role).claim("units", List.of(units)).sign());
    }

    public static String kiosk(String unit) {
        String client = "kiosk-" + unit.toLowerCase();
        return SIGNED.get(List.of("kiosk", unit), () -> claims("service-account-" + client, "kiosk")
                .claim("azp", client).claim("unit", unit).sign());
    }

    public static String expired() {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        return SIGNED.get(List.of("expired"), () -> claims("clerk-p1", "admin").issuedAt(hourAgo)
                .expiresAt(hourAgo.plus(Duration.ofMinutes(5))).sign());
    }

    /** Right claims, signed with a key the issuer never had. */
    public static String forged() {
        return SIGNED.get(List.of("forged"), () -> claims("mallory", "admin").sign(OtherKey.PAIR.getPrivate()));
    }

    /** Right key, another issuer. */
    public static String foreignIssuer() {
        return SIGNED.get(List.of("foreign"),
                () -> claims("mallory", "admin").issuer("https://elsewhere.example.com").sign());
    }

    /** An admin's token of the realm, but not for the suite: Keycloak's default audience, no service named. */
    public static String otherAudience() {
        return SIGNED.get(List.of("other-audience"), () -> claims("admin-1", "admin").audience("account").sign());
    }

    /** An admin's token for the suite, from a client no service takes (Keycloak's admin-cli, in every realm). */
    public static String otherClient() {
        return SIGNED.get(List.of("other-client"), () -> claims("admin-1", "admin").claim("azp", "admin-cli").sign());
    }

    private static JwtClaimsBuilder claims(String name, String role) {
        return Jwt.claims().preferredUserName(name).subject(name).issuer(ISSUER)
                .audience(AUDIENCES).claim("azp", STAFF_CLIENT)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(Duration.ofMinutes(10));
    }

    /** A key the issuer never had: made once, as making an RSA key costs a test JVM about a second. */
    private static final class OtherKey {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Tokens already signed, each reused for half its 10 minutes: signing is an RSA private-key operation, and
     * the access tables sign hundreds; the service checks a reused token exactly as a new one.
     */
    private static final class SignedTokens {
        private static final Duration REUSE = Duration.ofMinutes(5);
        private final Map<List<Object>, Signed> byClaims = new ConcurrentHashMap<>();

        private record Signed(String token, Instant signedAt) {
        }

        String get(List<Object> claims, Supplier<String> sign) {
            Instant now = Instant.now();
            return byClaims.compute(claims, (key, signed) -> signed != null
                    && signed.signedAt().plus(REUSE).isAfter(now) ? signed : new Signed(sign.get(), now)).token();
        }
    }

    private static final SignedTokens SIGNED = new SignedTokens();
}
