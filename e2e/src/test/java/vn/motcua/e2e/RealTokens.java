package vn.motcua.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.infra.KeycloakService;
import vn.motcua.infra.KeycloakTokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The tokens a service must refuse, made from the realm's real ones: expired (a test client whose tokens live 2 s),
 * forged (a real token whose claims were changed after Keycloak signed it), and foreign (signed by a key of our own,
 * naming another realm as issuer).
 */
final class RealTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private RealTokens() {
    }

    /** A real token of {@code user} that has already expired. */
    static String expired(KeycloakService keycloak, String user) throws InterruptedException {
        String token = new KeycloakTokens(keycloak.tokenEndpoint()).password("motcua-test-short-lived", user, user)
                .value();
        Thread.sleep(4_000);
        return token;
    }

    /** Keycloak's signature over other claims: the token of {@code real}, widened to every unit of the city. */
    static String forged(String real) throws Exception {
        String[] parts = real.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(DECODE.decode(parts[1]));
        claims.putArray("units").add("SADEC");
        claims.putObject("realm_access").putArray("roles").add("admin");
        return parts[0] + "." + ENCODE.encodeToString(JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }

    /** A well-formed RS256 token of an admin, from an issuer the services do not trust. */
    static String foreign(KeycloakService keycloak) throws GeneralSecurityException, java.io.IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", "foreign-key");
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", keycloak.issuer().replace("/realms/motcua", "/realms/elsewhere"))
                .put("sub", "intruder").put("preferred_username", "admin").put("iat", now).put("exp", now + 300);
        claims.putObject("realm_access").putArray("roles").add("admin");
        claims.putArray("units").add("SADEC");
        String signed = ENCODE.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + ENCODE.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + ENCODE.encodeToString(signature.sign());
    }

    static List<String> refusedNames() {
        return List.of("expired", "forged", "foreign");
    }
}
