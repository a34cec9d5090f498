package vn.motcua.infra;

import java.util.List;

/**
 * The suite's Kafka principals with the passwords of the local demo and the tests, the Kafka counterpart of the demo
 * realm's accounts: known to anyone who reads this file, so a production start refuses them (service-kit's
 * production checks refuse any password made from the principal's name). What each may do: {@link SuiteAcls}.
 */
public final class DemoKafkaLogins {

    /** The broker's super user: creates topics, principals and ACLs, and is the broker's own inter-broker login. */
    public static final KafkaLogin ADMIN = new KafkaLogin("admin", "admin-demo-secret");
    public static final KafkaLogin INTAKE = new KafkaLogin("intake", "intake-demo-secret");
    public static final KafkaLogin DEADLINE = new KafkaLogin("deadline", "deadline-demo-secret");
    public static final KafkaLogin STATS = new KafkaLogin("stats", "stats-demo-secret");
    /** Reads every topic, writes none: operators and the statistics office's auditors. */
    public static final KafkaLogin AUDITOR = new KafkaLogin("auditor", "auditor");
    /** Reads deadline-alerts only: supervisors' command-line tools. */
    public static final KafkaLogin ALERTS_READER = new KafkaLogin("alerts-reader", "alerts-reader-demo-secret");

    /** The read-only principals of people's tools, which may also log in with SASL/PLAIN (EmbeddedKafka). */
    public static final List<KafkaLogin> TOOLS = List.of(AUDITOR, ALERTS_READER);

    /** Every principal but the super user, which the broker's storage is formatted with. */
    public static final List<KafkaLogin> PRINCIPALS = List.of(INTAKE, DEADLINE, STATS, AUDITOR, ALERTS_READER);

    private DemoKafkaLogins() {
    }
}
