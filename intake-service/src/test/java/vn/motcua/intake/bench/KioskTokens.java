package vn.motcua.intake.bench;

import vn.motcua.testkit.Infrastructure;
import vn.motcua.infra.KeycloakService;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One access token per unit, of that unit's kiosk client in the realm motcua ({@code kiosk-sadec-p1} for
 * SADEC-P1, secret {@code <client>-secret}), fetched before a phase rather than per request: a kiosk logs in once
 * and reuses its token, and the realm's tokens live 300 s, longer than any phase.
 */
final class KioskTokens {

    private KioskTokens() {
    }

    static Map<String, String> of(String... units) {
        KeycloakService keycloak = Infrastructure.keycloak();
        return Stream.of(units).collect(Collectors.toMap(Function.identity(), unit -> {
            String client = "kiosk-" + unit.toLowerCase(Locale.ROOT);
            return keycloak.clientToken(client, client + "-secret");
        }));
    }
}
