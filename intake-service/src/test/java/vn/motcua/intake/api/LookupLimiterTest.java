package vn.motcua.intake.api;

import org.junit.jupiter.api.Test;
import vn.motcua.intake.config.IntakeConfig;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup limit: per address, IPv6 by its /64, and a ceiling over all addresses together. */
class LookupLimiterTest {

    @Test
    void anIpv6SubscriberRotatingThroughItsSlash64GetsOneBucket() {
        LookupLimiter limiter = limiter(2, 100, List.of());
        assertThat(limiter.tryTake("2001:db8:1:2::1", null)).isEmpty();
        assertThat(limiter.tryTake("2001:db8:1:2::2", null)).isEmpty();
        assertThat(limiter.tryTake("2001:db8:1:2::3", null)).isPresent();
        assertThat(limiter.tryTake("2001:db8:1:3::1", null)).isEmpty();
    }

    @Test
    void manyAddressesTogetherMeetTheCeiling() {
        LookupLimiter limiter = limiter(10, 3, List.of());
        for (int i = 1; i <= 3; i++) {
            assertThat(limiter.tryTake("203.0.113." + i, null)).isEmpty();
        }
        assertThat(limiter.tryTake("203.0.113.4", null)).isPresent();
    }

    @Test
    void anUntrustedSocketCannotPickItsAddressByHeader() {
        LookupLimiter limiter = limiter(1, 100, List.of("10.0.0.0/8"));
        assertThat(limiter.tryTake("198.51.100.9", "203.0.113.1")).isEmpty();
        assertThat(limiter.tryTake("198.51.100.9", "203.0.113.2")).isPresent();
        // Through the trusted proxy, two clients are two buckets.
        assertThat(limiter.tryTake("10.0.0.1", "203.0.113.1")).isEmpty();
        assertThat(limiter.tryTake("10.0.0.1", "203.0.113.2")).isEmpty();
    }

    private static LookupLimiter limiter(int burst, int globalBurst, List<String> trusted) {
        Map<String, Object> values = Map.of("burst", burst, "perMinute", 1, "addresses", 1000,
                "trustedProxies", Optional.of(trusted), "globalBurst", globalBurst, "globalPerMinute", 1);
        IntakeConfig.LookupLimit limit = (IntakeConfig.LookupLimit) Proxy.newProxyInstance(
                LookupLimiterTest.class.getClassLoader(), new Class<?>[] {IntakeConfig.LookupLimit.class},
                (proxy, method, args) -> values.get(method.getName()));
        IntakeConfig config = (IntakeConfig) Proxy.newProxyInstance(LookupLimiterTest.class.getClassLoader(),
                new Class<?>[] {IntakeConfig.class}, (proxy, method, args) -> limit);
        return new LookupLimiter(config);
    }
}
