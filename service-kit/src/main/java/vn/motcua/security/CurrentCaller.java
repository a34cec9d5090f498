package vn.motcua.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@link Caller} of the request being served. Resources are singletons, so they ask this bean on every call
 * rather than holding a caller. Units come from the access token's {@code units} (a user's unit groups) and
 * {@code unit} (a kiosk client's one unit) claims; an identity without a token (Quarkus' test security) may carry
 * them as the attributes of the same names.
 */
@ApplicationScoped
public class CurrentCaller {

    public static final String UNITS_CLAIM = "units";
    public static final String UNIT_CLAIM = "unit";

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        Set<String> units = new LinkedHashSet<>();
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            addAll(units, token.getClaim(UNITS_CLAIM));
            addAll(units, token.getClaim(UNIT_CLAIM));
        }
        addAll(units, identity.getAttribute(UNITS_CLAIM));
        addAll(units, identity.getAttribute(UNIT_CLAIM));
        return new Caller(nameOf(principal), identity.getRoles(), units);
    }

    private static String nameOf(Principal principal) {
        if (principal instanceof JsonWebToken token) {
            for (String claim : new String[] {"preferred_username", "azp", "sub"}) {
                Object value = token.getClaim(claim);
                if (value != null && !text(value).isBlank()) {
                    return text(value);
                }
            }
        }
        return principal == null ? "unknown" : principal.getName();
    }

    private static void addAll(Set<String> units, Object claim) {
        if (claim == null) {
            return;
        }
        if (claim instanceof JsonArray array) {
            array.forEach(value -> addOne(units, value));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> addOne(units, value));
        } else if (claim instanceof String text) {
            for (String part : text.split(",")) {
                addOne(units, part);
            }
        } else {
            addOne(units, claim);
        }
    }

    private static void addOne(Set<String> units, Object value) {
        String unit = text(value).strip();
        if (!unit.isEmpty()) {
            units.add(unit);
        }
    }

    private static String text(Object value) {
        if (value instanceof JsonString json) {
            return json.getString();
        }
        if (value instanceof JsonValue json && json.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return String.valueOf(value);
    }
}
