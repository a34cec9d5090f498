package vn.motcua.e2e.faults;

import vn.motcua.e2e.ServiceProcess;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The faults, one after another while the load runs: a round of kill -9 (one instance of each service, the other
 * keeps serving), PostgreSQL restarted, a round on the other instances, MongoDB restarted, the broker away for a
 * minute, a last round. Between two faults the suite waits until every instance is ready and the kiosks got more
 * dossiers accepted, so that every fault meets work in flight.
 */
final class FaultScript {

    /** How long the broker stays away (60 s, as the fault suite is specified in e2e/README.md). */
    static final Duration BROKER_OUTAGE = Duration.ofSeconds(60);
    /** Dossiers the kiosks must get accepted between two faults. */
    private static final int PROGRESS_BETWEEN_FAULTS = 40;
    private static final Duration PROGRESS_WITHIN = Duration.ofSeconds(120);
    /** The broker drops a killed member after the session timeout, 45 s by default. */
    private static final Duration GROUP_SETTLES_WITHIN = Duration.ofSeconds(120);

    private final OwnInfrastructure infrastructure;
    private final Fleet fleet;
    private final KioskLoad.Ledger ledger;
    private final List<String> log = new ArrayList<>();
    private final Instant started = Instant.now();
    private int kills;
    private Duration brokerOutage = Duration.ZERO;
    private int postgresRestarts;
    private int mongoRestarts;

    FaultScript(OwnInfrastructure infrastructure, Fleet fleet, KioskLoad.Ledger ledger) {
        this.infrastructure = infrastructure;
        this.fleet = fleet;
        this.ledger = ledger;
    }

    void run() throws Exception {
        progress();
        killOneOfEach(0);
        progress();
        restartPostgres();
        progress();
        killOneOfEach(1);
        progress();
        restartMongo();
        progress();
        // The outage must meet deadline-service alerting: both instances in the group, every partition owned
        // again (a killed member is dropped only after the session timeout), apologies' appointments falling due.
        awaitDeadlineGroupSettled();
        suspendBroker();
        progress();
        killOneOfEach(0);
        progress();
    }

    /** kill -9 of instance {@code index} of intake, deadline and stats, a few seconds apart, each started again. */
    private void killOneOfEach(int index) throws Exception {
        List<ServiceProcess> restarted = new ArrayList<>();
        for (Fleet.Service service : Fleet.Service.values()) {
            note("kill -9 " + fleet.instance(service, index).name);
            restarted.add(fleet.killAndStartAgain(service, index));
            kills++;
            waitForAcceptedDossiers(20);
        }
        for (ServiceProcess process : restarted) {
            process.awaitReady(Fleet.READY);
            note(process.name + " ready again");
        }
    }

    private void awaitDeadlineGroupSettled() {
        try (ConsumerGroups groups = new ConsumerGroups(infrastructure.kafka.adminConnection())) {
            await("deadline-service's group settled: " + Fleet.INSTANCES + " members own every partition")
                    .atMost(GROUP_SETTLES_WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> groups.isSettled("deadline-service", OwnInfrastructure.DOSSIER_EVENTS,
                            Fleet.INSTANCES));
        }
        note("deadline-service's group settled");
    }

    private void restartPostgres() {
        note("PostgreSQL stopping");
        infrastructure.restartPostgres();
        postgresRestarts++;
        note("PostgreSQL started again");
    }

    private void suspendBroker() throws InterruptedException {
        note("Kafka broker suspended");
        Instant from = Instant.now();
        infrastructure.kafka.suspend();
        // The outage is the point: nothing to wait for but the clock.
        Thread.sleep(BROKER_OUTAGE.toMillis());
        infrastructure.kafka.restart();
        brokerOutage = Duration.between(from, Instant.now());
        note("Kafka broker back after " + brokerOutage.toSeconds() + " s");
    }

    private void restartMongo() {
        note("MongoDB stopping");
        infrastructure.restartMongo();
        mongoRestarts++;
        note("MongoDB started again");
    }

    /** The load goes on: the kiosks get more dossiers accepted (and every instance is back). */
    private void progress() {
        fleet.awaitReady();
        waitForAcceptedDossiers(PROGRESS_BETWEEN_FAULTS);
    }

    private void waitForAcceptedDossiers(int count) {
        int from = ledger.codeByKey.size();
        await(count + " more dossiers accepted").atMost(PROGRESS_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.codeByKey.size() >= from + count);
    }

    private void note(String what) {
        Instant now = Instant.now();
        String line = String.format("faults +%5.1fs %s %s (%d dossiers accepted)",
                Duration.between(started, now).toMillis() / 1000.0, now, what, ledger.codeByKey.size());
        log.add(line);
        System.out.println(line);
    }

    int kills() {
        return kills;
    }

    Duration brokerOutage() {
        return brokerOutage;
    }

    int postgresRestarts() {
        return postgresRestarts;
    }

    int mongoRestarts() {
        return mongoRestarts;
    }

    List<String> log() {
        return List.copyOf(log);
    }
}
