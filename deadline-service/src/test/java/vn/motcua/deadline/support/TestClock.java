package vn.motcua.deadline.support;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import vn.motcua.testkit.SettableClock;

/**
 * The service's clock in every Quarkus test of the module: real time until a test sets it, and the test that sets
 * it releases it after, since the alert tick reads it too.
 */
@Mock
@Singleton
public class TestClock extends SettableClock {
}
