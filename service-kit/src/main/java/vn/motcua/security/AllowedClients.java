package vn.motcua.security;

import java.util.List;

/**
 * The clients (a token's {@code azp}) a service takes tokens from. An entry ending in {@code *} names a prefix:
 * {@code kiosk-*} takes every unit's kiosk, since kiosk clients are made one per unit whenever a unit opens, and a
 * service should not need a new release for each. Other entries match exactly.
 */
public record AllowedClients(List<String> entries) {

    public AllowedClients {
        entries = entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("motcua.tokens.allowed-clients names no client");
        }
        if (entries.stream().anyMatch(entry -> entry.equals("*"))) {
            throw new IllegalArgumentException("motcua.tokens.allowed-clients may not allow every client (*)");
        }
    }

    public boolean allows(String client) {
        if (client == null || client.isBlank()) {
            return false;
        }
        return entries.stream().anyMatch(entry -> entry.endsWith("*")
                ? client.startsWith(entry.substring(0, entry.length() - 1))
                : client.equals(entry));
    }
}
