package vn.motcua.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Access tokens from a realm's token endpoint, by plain HTTP; and a token's claims, for assertions. */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI tokenEndpoint;

    public KeycloakTokens(URI tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** An access token and when it expires (by the server's {@code expires_in}). */
    public record IssuedToken(String value, Instant expiresAt) {
    }

    /** The password grant of the public client motcua-cli (the demo realm only allows it). */
    public IssuedToken password(String username, String password) {
        return password(KeycloakRealm.CLI_CLIENT, username, password);
    }

    /** The password grant of another public client of the realm (e.g. motcua-test-short-lived). */
    public IssuedToken password(String clientId, String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    public IssuedToken clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The claims of a JWT, unverified: for tests that look at what Keycloak put in. */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private IssuedToken request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint " + tokenEndpoint + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            return new IssuedToken(token.path("access_token").asText(),
                    Instant.now().plusSeconds(token.path("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint, e);
        }
    }
}
