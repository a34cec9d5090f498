package vn.motcua.intake;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.OffsetDateTime;

/**
 * For Quarkus tests whose dates are printed: the service's clock stands at Wed 12/1/2022 10:00 in Vietnam during
 * each test (a test may move it), and follows real time again after it.
 */
public abstract class OnWednesday12January2022 {

    @Inject
    protected TestClock clock;

    @BeforeEach
    void standOnWednesday12January2022() {
        clock.set(OffsetDateTime.parse("2022-01-12T10:00:00+07:00").toInstant());
    }

    @AfterEach
    void backToRealTime() {
        clock.release();
    }
}
