package vn.motcua.devstack.demo;

import org.junit.jupiter.api.Test;
import vn.motcua.infra.KeycloakTokens.IssuedToken;
import vn.motcua.testkit.SettableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    private final List<Tokens.Login> asked = new ArrayList<>();

    @Test
    void a_units_kiosk_and_clerk_are_the_realms_names() {
        SettableClock clock = new SettableClock(java.time.Instant.parse("2022-03-01T01:00:00Z"));
        Tokens tokens = new Tokens(this::issue, clock);

        tokens.kiosk("SADEC-P1");
        tokens.clerk("SADEC-P1");
        tokens.clerk("SADEC");
        tokens.clerk("SADEC-TQD");

        assertThat(asked).containsExactly(
                new Tokens.Login("kiosk-sadec-p1", "kiosk-sadec-p1-secret", true),
                new Tokens.Login("clerk-p1", "clerk-p1", false),
                new Tokens.Login("clerk-sadec", "clerk-sadec", false),
                new Tokens.Login("clerk-tqd", "clerk-tqd", false));
    }

    @Test
    void a_token_is_reused_until_shortly_before_it_expires() {
        SettableClock clock = new SettableClock(java.time.Instant.parse("2022-03-01T01:00:00Z"));
        Tokens tokens = new Tokens(login -> issue(login, clock), clock);

        String first = tokens.kiosk("SADEC-P2");
        clock.advance(Duration.ofSeconds(300).minus(Tokens.MARGIN).minusSeconds(1));
        assertThat(tokens.kiosk("SADEC-P2")).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.kiosk("SADEC-P2")).isNotEqualTo(first);
        assertThat(asked).hasSize(2);
    }

    private IssuedToken issue(Tokens.Login login) {
        asked.add(login);
        return new IssuedToken("token-" + asked.size(), java.time.Instant.MAX);
    }

    private IssuedToken issue(Tokens.Login login, SettableClock clock) {
        asked.add(login);
        return new IssuedToken("token-" + asked.size(), clock.instant().plusSeconds(300));
    }
}
