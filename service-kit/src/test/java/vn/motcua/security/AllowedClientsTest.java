package vn.motcua.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedClientsTest {

    private final AllowedClients allowed = new AllowedClients(List.of("kiosk-*", " motcua-staff ", ""));

    @Test
    void aPrefixEntryTakesEveryKioskAndAnExactEntryOnlyItsClient() {
        assertThat(allowed.allows("kiosk-sadec-p1")).isTrue();
        assertThat(allowed.allows("motcua-staff")).isTrue();
        assertThat(allowed.allows("motcua-staff-2")).isFalse();
        assertThat(allowed.allows("admin-cli")).isFalse();
        assertThat(allowed.allows("my-kiosk-sadec")).isFalse();
    }

    @Test
    void aTokenWithoutAuthorisedPartyIsNotTaken() {
        assertThat(allowed.allows(null)).isFalse();
        assertThat(allowed.allows(" ")).isFalse();
    }

    @Test
    void anEmptyListOrOneAllowingEveryClientIsRefused() {
        assertThatThrownBy(() -> new AllowedClients(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllowedClients(List.of("kiosk-*", "*")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
