package vn.motcua.intake.app;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.security.Caller;

/** The {@link Recorder} of the request being served: the caller's name with its token's sub and azp. */
@ApplicationScoped
public class Recorders {

    private final SecurityIdentity identity;

    Recorders(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Recorder of(Caller caller) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            return new Recorder(caller.name(), claim(token, "sub"), claim(token, "azp"));
        }
        return new Recorder(caller.name(), null, null);
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }
}
