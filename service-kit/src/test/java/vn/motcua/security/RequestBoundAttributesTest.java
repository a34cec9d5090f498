package vn.motcua.security;

import io.quarkus.security.StringPermission;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBoundAttributesTest {

    @Test
    void theKeptIdentityHasEverythingOfTheTokenAndNothingOfTheRequest() {
        Principal kiosk = () -> "service-account-kiosk-sadec-p1";
        TokenCredential token = new TokenCredential("header.claims.signature", "bearer");
        SecurityIdentity verified = QuarkusSecurityIdentity.builder().setPrincipal(kiosk).addRole(Roles.KIOSK)
                .addCredential(token).addPermission(new StringPermission("openid"))
                .addAttribute("tenant-id", "Default")
                .addAttribute(RoutingContext.class.getName(), new Object())
                .addAttribute(AuthenticationRequestContext.class.getName(), new Object())
                .build();

        SecurityIdentity kept = RequestBoundAttributes.withoutRequest(verified);

        assertThat(kept.getPrincipal()).isSameAs(kiosk);
        assertThat(kept.getRoles()).containsExactly(Roles.KIOSK);
        assertThat(kept.getCredentials()).containsExactly(token);
        assertThat(kept.checkPermissionBlocking(new StringPermission("openid"))).isTrue();
        assertThat(kept.getAttributes()).containsOnlyKeys("tenant-id");
        assertThat(kept.isAnonymous()).isFalse();
    }
}
