package vn.motcua.e2e.faults;

import vn.motcua.e2e.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Two instances of each packaged service on the fault suite's own infrastructure: same databases, topics and
 * consumer groups, different ports. An instance killed with SIGKILL is started again on its port.
 */
final class Fleet implements AutoCloseable {

    /** A service's module, and the settings the fault suite gives all its instances. */
    enum Service {
        INTAKE("intake-service", Map.of()),
        // Due-soon two days before dueAt (instead of 07:30 on the due date), so that whether a dossier received
        // during the run gets one does not depend on the hour the suite runs at.
        DEADLINE("deadline-service", Map.of("motcua.alerts.due-soon-lead", "PT48H")),
        // Open dossiers advanced to now every 5 s instead of every minute: the report's pending columns settle soon.
        STATS("stats-service", Map.of("motcua.stats.sweep-every", "5s"));

        static final Duration DUE_SOON_LEAD = Duration.ofHours(48);

        final String module;
        final Map<String, String> properties;

        Service(String module, Map<String, String> properties) {
            this.module = module;
            this.properties = properties;
        }

        String shortName() {
            return name().toLowerCase();
        }
    }

    static final int INSTANCES = 2;
    /**
     * Six service JVMs, the broker, PostgreSQL and the load share the machine: the client compiler only and one GC
     * thread start an instance again in less CPU, which is what a kill round waits for.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** On a loaded 2-core machine, an instance started again took up to 110 s to be ready. */
    static final Duration READY = Duration.ofSeconds(180);

    private final Map<Service, ServiceProcess[]> instances = new EnumMap<>(Service.class);

    private Fleet(Map<String, String> environment) throws Exception {
        try {
            for (Service service : Service.values()) {
                ServiceProcess[] pair = new ServiceProcess[INSTANCES];
                for (int i = 0; i < INSTANCES; i++) {
                    pair[i] = ServiceProcess.start(service.module, environment, service.properties,
                            "faults-" + service.shortName() + "-" + (i + 1), JVM_OPTIONS);
                }
                instances.put(service, pair);
            }
            for (ServiceProcess process : all()) {
                process.awaitReady(READY);
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    static Fleet start(Map<String, String> environment) throws Exception {
        return new Fleet(environment);
    }

    synchronized ServiceProcess instance(Service service, int index) {
        return instances.get(service)[index];
    }

    /** Base URLs of a service's instances; a restarted instance keeps its port, so these never change. */
    synchronized List<String> urls(Service service) {
        List<String> urls = new ArrayList<>();
        for (ServiceProcess process : instances.get(service)) {
            urls.add(process.url(""));
        }
        return urls;
    }

    /** kill -9 of one instance, and the same instance started again at once. */
    synchronized ServiceProcess killAndStartAgain(Service service, int index) throws Exception {
        ServiceProcess[] pair = instances.get(service);
        pair[index].kill();
        pair[index] = pair[index].startAgain("after kill -9");
        return pair[index];
    }

    void awaitReady() {
        for (ServiceProcess process : all()) {
            process.awaitReady(READY);
        }
    }

    private synchronized List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>();
        instances.values().forEach(pair -> {
            for (ServiceProcess process : pair) {
                if (process != null) {
                    all.add(process);
                }
            }
        });
        return all;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = all();
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
