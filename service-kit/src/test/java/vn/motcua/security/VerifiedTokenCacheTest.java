package vn.motcua.security;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.SettableClock;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);

    /** A verifier that counts its calls and answers what it is told to. */
    private static final class Verifier {
        final AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<SecurityIdentity>> answering(SecurityIdentity identity) {
            return () -> {
                calls.incrementAndGet();
                return Uni.createFrom().item(identity);
            };
        }

        Supplier<Uni<SecurityIdentity>> refusing() {
            return () -> {
                calls.incrementAndGet();
                return Uni.createFrom().failure(new AuthenticationFailedException("bad signature"));
            };
        }
    }

    @Test
    void aTokenVerifiedOnceIsTakenAgainAsTheSameIdentity() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        Verifier verifier = new Verifier();
        SecurityIdentity kiosk = identity("kiosk-sadec-p1", NOW.plusSeconds(300));

        SecurityIdentity first = cache.identityFor("token-a", verifier.answering(kiosk)).await().indefinitely();
        SecurityIdentity second = cache.identityFor("token-a", verifier.answering(kiosk)).await().indefinitely();

        assertThat(first).isSameAs(kiosk);
        assertThat(second).isSameAs(kiosk);
        assertThat(verifier.calls).hasValue(1);
    }

    @Test
    void anEntryIsTakenUntilItsTokensExpiryAndNeverAfter() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        Verifier verifier = new Verifier();
        Instant exp = NOW.plusSeconds(300);
        cache.identityFor("token-a", verifier.answering(identity("kiosk-sadec-p1", exp))).await().indefinitely();

        clock.set(exp.minusMillis(1));
        cache.identityFor("token-a", verifier.refusing()).await().indefinitely();
        assertThat(verifier.calls).as("a hit one millisecond before exp").hasValue(1);

        clock.set(exp);
        assertThatThrownBy(() -> cache.identityFor("token-a", verifier.refusing()).await().indefinitely())
                .as("at exp the token goes to the verifier, which refuses it")
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(verifier.calls).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFailedVerificationIsNotKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        Verifier verifier = new Verifier();

        assertThatThrownBy(() -> cache.identityFor("tampered", verifier.refusing()).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> cache.identityFor("tampered", verifier.refusing()).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);

        assertThat(verifier.calls).as("verified each time").hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void differentTokensHaveDifferentEntries() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        Verifier verifier = new Verifier();
        SecurityIdentity p1 = identity("kiosk-sadec-p1", NOW.plusSeconds(300));
        SecurityIdentity p2 = identity("kiosk-sadec-p2", NOW.plusSeconds(300));
        cache.identityFor("token-p1", verifier.answering(p1)).await().indefinitely();
        cache.identityFor("token-p2", verifier.answering(p2)).await().indefinitely();

        assertThat(cache.identityFor("token-p1", verifier.refusing()).await().indefinitely()).isSameAs(p1);
        assertThat(cache.identityFor("token-p2", verifier.refusing()).await().indefinitely()).isSameAs(p2);
        // One character apart is another token, verified on its own.
        assertThatThrownBy(() -> cache.identityFor("token-p3", verifier.refusing()).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(verifier.calls).hasValue(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theNumberOfTokensKeptIsBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock);
        Verifier verifier = new Verifier();
        for (int i = 0; i < 500; i++) {
            cache.identityFor("token-" + i, verifier.answering(identity("kiosk-" + i, NOW.plusSeconds(300))))
                    .await().indefinitely();
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        Verifier verifier = new Verifier();
        SecurityIdentity noExpiry = identity("kiosk-sadec-p1", null);
        SecurityIdentity expired = identity("kiosk-sadec-p2", NOW.minusSeconds(1));

        for (int i = 0; i < 2; i++) {
            cache.identityFor("no-exp", verifier.answering(noExpiry)).await().indefinitely();
            cache.identityFor("expired", verifier.answering(expired)).await().indefinitely();
        }

        assertThat(verifier.calls).hasValue(4);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theMetricsCountHitsAndMissesAndNameNoToken() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        cache.bindTo(registry);
        Verifier verifier = new Verifier();
        SecurityIdentity kiosk = identity("kiosk-sadec-p1", NOW.plusSeconds(300));
        for (int i = 0; i < 3; i++) {
            cache.identityFor("secret-token-value", verifier.answering(kiosk)).await().indefinitely();
        }

        assertThat(registry.get("cache.gets").tag("cache", VerifiedTokenCache.NAME).tag("result", "hit")
                .functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.size").gauge().value()).isEqualTo(1);
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain("secret-token-value").doesNotContain("kiosk-sadec-p1");
            }
        }
    }

    @Test
    void aCacheBoundAfterAnotherToTheSameRegistryIsTheOneCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VerifiedTokenCache earlier = new VerifiedTokenCache(100, clock);
        earlier.bindTo(registry);
        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        cache.bindTo(registry);
        Verifier verifier = new Verifier();
        SecurityIdentity kiosk = identity("kiosk-sadec-p1", NOW.plusSeconds(300));
        cache.identityFor("token-a", verifier.answering(kiosk)).await().indefinitely();
        cache.identityFor("token-a", verifier.answering(kiosk)).await().indefinitely();

        assertThat(registry.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(1);

        cache.unbindFrom(registry);
        assertThat(registry.find("cache.gets").meters()).isEmpty();
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new VerifiedTokenCache(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SecurityIdentity identity(String client, Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("service-account-" + client);
        claims.setClaim("azp", client);
        if (exp != null) {
            claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRole(Roles.KIOSK).build();
    }
}
