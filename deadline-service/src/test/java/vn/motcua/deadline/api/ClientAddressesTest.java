package vn.motcua.deadline.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whom the per-address cap counts: forwarded headers only from trusted proxies, IPv6 clients by their /64. */
class ClientAddressesTest {

    private final ClientAddresses none = new ClientAddresses(List.of());
    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.7"));

    @Test
    void withoutTrustedProxiesTheHeadersAreTheClientsOwnWordAndIgnored() {
        assertThat(none.key("203.0.113.9", "for=198.51.100.1", "198.51.100.2")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.key("203.0.113.9", null, "198.51.100.2")).as("a peer that is no trusted proxy")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyNamesTheClientAndHopsAreReadRightToLeftUntilAnUntrustedOne() {
        assertThat(behindProxies.key("10.1.2.3", null, "198.51.100.2")).isEqualTo("198.51.100.2");
        // The client wrote the first entry itself: only what the trusted proxies appended counts.
        assertThat(behindProxies.key("10.1.2.3", null, "1.2.3.4, 198.51.100.2, 10.9.9.9")).isEqualTo("198.51.100.2");
        assertThat(behindProxies.key("192.0.2.7", "for=\"[2001:db8:1:2::abcd]:4711\";proto=https", "9.9.9.9"))
                .as("Forwarded before X-Forwarded-For").isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(behindProxies.key("10.1.2.3", "for=unknown", null)).as("an unknown hop: the proxy")
                .isEqualTo("10.1.2.3");
        assertThat(behindProxies.key("10.1.2.3", null, "evil.example")).as("never a name, never DNS")
                .isEqualTo("10.1.2.3");
        assertThat(behindProxies.key("fd12::1", null, "203.0.113.5:5050")).isEqualTo("203.0.113.5");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(none.key("2001:db8:1:2::1", null, null)).isEqualTo(none.key("2001:db8:1:2:ffff::9", null, null))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(none.key("2001:db8:1:3::1", null, null)).isNotEqualTo(none.key("2001:db8:1:2::1", null, null));
    }

    @Test
    void aWrongTrustedProxyFailsAtStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
