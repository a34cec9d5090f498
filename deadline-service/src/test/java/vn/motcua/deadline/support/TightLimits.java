package vn.motcua.deadline.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Limits small enough to reach in a test: a statement timeout of 2 s and an alert stream of two connections in
 * total (more per client, so the total is what refuses) with a backlog of 20. One profile for the tests that need
 * any of them, so the application starts once for all.
 */
public class TightLimits implements QuarkusTestProfile {

    public static final int MAX_CONNECTIONS = 2;
    public static final int MAX_BACKLOG = 20;
    public static final String STATEMENT_TIMEOUT = "2s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.additional-jdbc-properties.options", "-c statement_timeout=" + STATEMENT_TIMEOUT,
                "motcua.alerts.stream.max-connections", String.valueOf(MAX_CONNECTIONS),
                "motcua.alerts.stream.max-per-client", "10",
                "motcua.alerts.stream.max-backlog", String.valueOf(MAX_BACKLOG));
    }
}
