package vn.motcua.intake;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import vn.motcua.testkit.SettableClock;

/** The service's clock in every Quarkus test of the module: real time until a test sets it (and releases it after). */
@Mock
@Singleton
public class TestClock extends SettableClock {
}
