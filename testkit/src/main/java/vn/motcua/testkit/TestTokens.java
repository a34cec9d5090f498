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

/**
 * Access tokens as Keycloak's realm motcua issues them (realm roles in realm_access.roles, a user's units in
 * {@code units}, a kiosk client's unit in {@code unit}), signed with the key whose public half the WireMock issuer
 * of quarkus-test-oidc-server serves; and the three kinds a service must refuse. For {@code @QuarkusTest}s with
 * {@code OidcWiremockTestResource}; the module brings quarkus-test-oidc-server, which brings the signing library.
 */
public final class TestTokens {

    /** The issuer OidcWiremockTestResource announces in its discovery document. */
    static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    public static String user(String name, String role, String... units) {
        return claims(name, role).claim("units", List.of(units)).sign();
    }

    public static String kiosk(String unit) {
        String client = "kiosk-" + unit.toLowerCase();
        return claims("service-account-" + client, "kiosk").claim("azp", client).claim("unit", unit).sign();
    }

    public static String expired() {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        return claims("clerk-p1", "admin").issuedAt(hourAgo).expiresAt(hourAgo.plus(Duration.ofMinutes(5))).sign();
    }

    /** Right claims, signed with a key the issuer never had. */
    public static String forged() {
        return claims("mallory", "admin").sign(otherKey().getPrivate());
    }

    /** Right key, another issuer. */
    public static String foreignIssuer() {
        return claims("mallory", "admin").issuer("https://elsewhere.example.com").sign();
    }

    private static JwtClaimsBuilder claims(String name, String role) {
        return Jwt.claims().preferredUserName(name).subject(name).issuer(ISSUER)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(Duration.ofMinutes(10));
    }

    private static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
