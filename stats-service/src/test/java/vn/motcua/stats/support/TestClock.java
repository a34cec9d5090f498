package vn.motcua.stats.support;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import vn.motcua.testkit.SettableClock;

/** The service's clock in every Quarkus test of the module: real time until a test sets it. */
@Mock
@Singleton
public class TestClock extends SettableClock {
}
