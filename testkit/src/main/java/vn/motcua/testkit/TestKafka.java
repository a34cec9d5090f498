package vn.motcua.testkit;

import org.eclipse.microprofile.config.ConfigProvider;
import vn.motcua.infra.DemoKafkaLogins;

import java.util.Map;

/**
 * What a test's own Kafka clients connect with: the super user's login, on the broker of the service under test.
 * The service itself logs in as its own principal (its {@code kafka.*} settings).
 */
public final class TestKafka {

    private TestKafka() {
    }

    /** The super user on the broker at {@code kafka.bootstrap.servers} of the running application. */
    public static Map<String, Object> admin() {
        return admin(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static Map<String, Object> admin(String bootstrapServers) {
        return DemoKafkaLogins.ADMIN.clientProperties(bootstrapServers);
    }
}
