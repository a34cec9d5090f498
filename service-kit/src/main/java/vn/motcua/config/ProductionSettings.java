package vn.motcua.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a production start refuses: a secret that anyone who reads this repository knows, or none where one is
 * needed. The demo's secrets all follow one pattern ({@code <name>-demo-secret}, and the auditor's {@code auditor}),
 * so the rule needs no list of them. Each problem names the setting and the environment variable that sets it.
 */
public final class ProductionSettings {

    /** Set (MOTCUA_SECURITY_ALLOW_DEMO_SECRETS=true) by the local demo and the end-to-end tests only. */
    public static final String ALLOW_DEMO_SECRETS = "motcua.security.allow-demo-secrets";

    private ProductionSettings() {
    }

    /** @param setting a setting's value by name, as the service's configuration gives it (expanded, profile applied) */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        setting.apply("quarkus.datasource.jdbc.url").ifPresent(url -> database(setting, problems));
        kafka(setting, problems);
        setting.apply("quarkus.oidc.credentials.secret").filter(ProductionSettings::isKnown).ifPresent(secret ->
                problems.add("quarkus.oidc.credentials.secret (QUARKUS_OIDC_CREDENTIALS_SECRET) is the demo realm's"
                        + " client secret; use the secret Keycloak generated for the client"));
        return problems;
    }

    private static void database(Function<String, Optional<String>> setting, List<String> problems) {
        String user = setting.apply("quarkus.datasource.username").orElse("");
        Optional<String> password = setting.apply("quarkus.datasource.password");
        if (user.isEmpty() || user.equals("postgres")) {
            problems.add("quarkus.datasource.username (MOTCUA_DB_USER) is " + (user.isEmpty() ? "not set" : "the"
                    + " superuser postgres") + "; connect as the service's own role, owner of its database only");
        }
        if (password.isEmpty()) {
            problems.add("quarkus.datasource.password (MOTCUA_DB_PASSWORD) is not set");
        } else if (password.get().equals("postgres") || isKnown(password.get()) || password.get().equals(user)) {
            problems.add("quarkus.datasource.password (MOTCUA_DB_PASSWORD) is a default or demo password");
        }
    }

    private static void kafka(Function<String, Optional<String>> setting, List<String> problems) {
        String protocol = setting.apply("kafka.security.protocol").orElse("PLAINTEXT").toUpperCase(Locale.ROOT);
        if (!protocol.startsWith("SASL_")) {
            problems.add("kafka.security.protocol (KAFKA_SECURITY_PROTOCOL) is " + protocol
                    + ": the service must log in to Kafka (SASL_SSL, or SASL_PLAINTEXT on a private network)");
        }
        String user = setting.apply("motcua.kafka.user").orElse("");
        Optional<String> password = setting.apply("motcua.kafka.password");
        if (password.isEmpty()) {
            problems.add("motcua.kafka.password (MOTCUA_KAFKA_PASSWORD) is not set: no Kafka login for " + user);
        } else if (isKnown(password.get()) || password.get().equals(user)) {
            problems.add("motcua.kafka.password (MOTCUA_KAFKA_PASSWORD) is the demo password of " + user);
        }
    }

    /** A secret of the demo realm, the demo Kafka logins or the demo databases. */
    static boolean isKnown(String secret) {
        return secret.contains("demo-secret");
    }
}
