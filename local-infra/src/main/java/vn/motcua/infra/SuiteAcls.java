package vn.motcua.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who may do what on the suite's topics (README, the table of Kafka principals): each service writes only what it produces and
 * the dead letters of what it consumes, reads only what it consumes, and uses only consumer groups named after it.
 * The broker denies everything else ({@code allow.everyone.if.no.acl.found=false}).
 */
public final class SuiteAcls {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static final int SCRAM_ITERATIONS = 8192;

    private SuiteAcls() {
    }

    public static List<AclBinding> bindings(SuiteTopics topics) {
        List<AclBinding> acls = new ArrayList<>();
        String events = topics.dossierEvents();
        String alerts = topics.deadlineAlerts();
        String catalogue = topics.catalogue();
        String eventsDlq = SuiteTopics.deadLetters(events);
        String alertsDlq = SuiteTopics.deadLetters(alerts);
        String catalogueDlq = SuiteTopics.deadLetters(catalogue);

        String intake = DemoKafkaLogins.INTAKE.user();
        allowTopics(acls, intake, AclOperation.WRITE, events, catalogue, catalogueDlq);
        allowTopics(acls, intake, AclOperation.READ, catalogue);
        allowGroupsPrefixed(acls, intake, "intake-");

        String deadline = DemoKafkaLogins.DEADLINE.user();
        allowTopics(acls, deadline, AclOperation.WRITE, alerts, eventsDlq, catalogueDlq, alertsDlq);
        allowTopics(acls, deadline, AclOperation.READ, events, catalogue, alerts);
        allowGroupsPrefixed(acls, deadline, "deadline-");

        String stats = DemoKafkaLogins.STATS.user();
        allowTopics(acls, stats, AclOperation.WRITE, eventsDlq, alertsDlq, catalogueDlq);
        allowTopics(acls, stats, AclOperation.READ, events, alerts, catalogue);
        allowGroupsPrefixed(acls, stats, "stats-");

        String auditor = DemoKafkaLogins.AUDITOR.user();
        acls.add(allow(auditor, new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), AclOperation.READ));
        allowGroupsPrefixed(acls, auditor, "auditor");

        String alertsReader = DemoKafkaLogins.ALERTS_READER.user();
        allowTopics(acls, alertsReader, AclOperation.READ, alerts);
        allowGroupsPrefixed(acls, alertsReader, "alerts-reader");
        return acls;
    }

    /**
     * Creates or updates each principal's SCRAM credential, then waits until the broker lets each one in: a client
     * that tries before would fail its login for good.
     */
    public static void createPrincipals(Admin admin, Collection<KafkaLogin> logins, String bootstrapServers) {
        List<UserScramCredentialAlteration> upserts = logins.stream()
                .<UserScramCredentialAlteration>map(login -> new UserScramCredentialUpsertion(login.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), login.password()))
                .toList();
        await(admin.alterUserScramCredentials(upserts).all(), "create the principals");
        for (KafkaLogin login : logins) {
            awaitLogin(login, bootstrapServers);
        }
    }

    /** Grants {@link #bindings} (already granted ones are kept) and waits until the broker enforces them. */
    public static void grant(Admin admin, SuiteTopics topics) {
        List<AclBinding> acls = bindings(topics);
        await(admin.createAcls(acls).all(), "grant the ACLs");
        Instant deadline = Instant.now().plus(PROPAGATION);
        Set<AclBinding> wanted = new HashSet<>(acls);
        while (true) {
            Collection<AclBinding> present = await(admin.describeAcls(AclBindingFilter.ANY).values(), "list the ACLs");
            if (present.containsAll(wanted)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the broker did not apply the suite's ACLs within " + PROPAGATION);
            }
            sleep(50);
        }
    }

    private static void awaitLogin(KafkaLogin login, String bootstrapServers) {
        Instant deadline = Instant.now().plus(PROPAGATION);
        Map<String, Object> config = login.setUpClientProperties(bootstrapServers);
        config.put("request.timeout.ms", 5000);
        config.put("default.api.timeout.ms", 5000);
        while (true) {
            try (Admin probe = Admin.create(config)) {
                probe.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(login + " cannot log in to Kafka", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
    }

    private static void allowTopics(List<AclBinding> acls, String user, AclOperation operation, String... topics) {
        for (String topic : topics) {
            acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation));
        }
    }

    private static void allowGroupsPrefixed(List<AclBinding> acls, String user, String prefix) {
        acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), AclOperation.READ));
    }

    private static AclBinding allow(String user, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern,
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(PROPAGATION.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka: could not " + what, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
