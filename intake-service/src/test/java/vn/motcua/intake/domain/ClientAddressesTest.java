package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses behindProxy = new ClientAddresses(List.of(
            ClientAddresses.Network.parse("10.0.0.0/8"), ClientAddresses.Network.parse("2001:db8:ffff::/48")));

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        assertThat(behindProxy.keyOf("10.1.2.3", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(behindProxy.keyOf("198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
        assertThat(new ClientAddresses(List.of()).keyOf("10.1.2.3", "203.0.113.7")).isEqualTo("10.1.2.3");
    }

    @Test
    void theClientIsTheFirstUntrustedHopFromTheRight() {
        // What the client wrote itself (1.1.1.1) sits left of the address the proxy saw.
        assertThat(behindProxy.keyOf("10.1.2.3", "1.1.1.1, 203.0.113.7, 10.9.9.9")).isEqualTo("203.0.113.7");
        assertThat(behindProxy.keyOf("10.1.2.3", "10.4.4.4, 10.9.9.9")).isEqualTo("10.4.4.4");
        // An unreadable hop (a name, garbage): the last address known counts; no name is ever resolved.
        assertThat(behindProxy.keyOf("10.1.2.3", "203.0.113.7, example.com")).isEqualTo("10.1.2.3");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(behindProxy.keyOf("2001:db8:1:2:aaaa::1", null)).isEqualTo("2001:db8:1:2::/64");
        assertThat(behindProxy.keyOf("2001:db8:1:2:bbbb:cccc:dddd:eeee", null)).isEqualTo("2001:db8:1:2::/64");
        assertThat(behindProxy.keyOf("2001:db8:1:3::1", null)).isEqualTo("2001:db8:1:3::/64");
        assertThat(behindProxy.keyOf("2001:db8:ffff:1::5", "2001:db8:7:7::9")).isEqualTo("2001:db8:7:7::/64");
    }

    @Test
    void anUnknownSocketIsOneKeyAndBadNetworksAreRefused() {
        assertThat(behindProxy.keyOf(null, "203.0.113.7")).isEqualTo("unknown");
        assertThatThrownBy(() -> ClientAddresses.Network.parse("proxy.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddresses.Network.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
