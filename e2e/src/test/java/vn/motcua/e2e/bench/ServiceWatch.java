package vn.motcua.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches the packaged services this JVM starts ({@code <module>/target/quarkus-app/quarkus-run.jar}, children of
 * this process), without a hand in starting them: each one's spawn instant from the kernel, the first 200 of
 * {@code /q/health/ready} on its management port (probed every {@value #PROBE_MILLIS} ms), and its resident memory
 * (VmRSS of /proc/pid/status) every {@value #RSS_MILLIS} ms.
 */
public final class ServiceWatch implements AutoCloseable {

    static final long PROBE_MILLIS = 20;
    static final long RSS_MILLIS = 200;
    /** USER_HZ, the unit of a process's start time in /proc/pid/stat: 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** One service process; times are {@link System#nanoTime()}, {@code readyNanos} 0 until ready. */
    public static final class Watched {
        public final String name;
        public final long pid;
        public final long spawnedNanos;
        final int managementPort;
        volatile long readyNanos;
        volatile boolean probing;
        final List<long[]> rss = new ArrayList<>(); // {nanoTime, kB}

        Watched(String name, long pid, long spawnedNanos, int managementPort) {
            this.name = name;
            this.pid = pid;
            this.spawnedNanos = spawnedNanos;
            this.managementPort = managementPort;
        }

        public Optional<Long> startToReadyNanos() {
            return readyNanos == 0 ? Optional.empty() : Optional.of(readyNanos - spawnedNanos);
        }

        /** The largest VmRSS read between two instants, in kB (0 if none was read). */
        public long maxRssKb(long fromNanos, long toNanos) {
            synchronized (rss) {
                return rss.stream().filter(s -> s[0] >= fromNanos && s[0] <= toNanos).mapToLong(s -> s[1]).max()
                        .orElse(0);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::watch, "bench-service-watch");
    private volatile boolean running = true;

    public ServiceWatch() {
        thread.setDaemon(true);
        thread.start();
    }

    /** The service processes seen so far, by name (the module, e.g. intake-service). */
    public Map<String, Watched> services() {
        Map<String, Watched> byName = new java.util.TreeMap<>();
        watched.values().forEach(service -> byName.put(service.name, service));
        return byName;
    }

    private void watch() {
        long nextRss = 0;
        while (running) {
            ProcessHandle.current().children().filter(child -> !watched.containsKey(child.pid()))
                    .forEach(this::adoptIfService);
            watched.values().forEach(this::probe);
            if (System.nanoTime() >= nextRss) {
                nextRss = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RSS_MILLIS);
                for (Watched service : watched.values()) {
                    long kb = rssKb(service.pid);
                    if (kb > 0) {
                        synchronized (service.rss) {
                            service.rss.add(new long[]{System.nanoTime(), kb});
                        }
                    }
                }
            }
            try {
                Thread.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A child whose command runs a module's quarkus-run.jar; others (Keycloak, a child not exec'd yet) wait. */
    private void adoptIfService(ProcessHandle child) {
        List<String> arguments = child.info().arguments().map(List::of).orElse(List.of());
        int jar = arguments.indexOf("-jar");
        if (jar < 0 || jar + 1 >= arguments.size() || !arguments.get(jar + 1).endsWith("target/quarkus-app/quarkus-run.jar")) {
            return;
        }
        String module = Path.of(arguments.get(jar + 1)).getParent().getParent().getParent().getFileName().toString();
        int port = arguments.stream().filter(a -> a.startsWith("-Dquarkus.management.port=")).findFirst()
                .map(a -> Integer.parseInt(a.substring(a.indexOf('=') + 1))).orElse(-1);
        String name = watched.values().stream().anyMatch(w -> w.name.equals(module))
                ? module + "-" + child.pid() : module;
        watched.put(child.pid(), new Watched(name, child.pid(), spawnedNanos(child.pid()), port));
    }

    /** The kernel's start time of the process (field 22 of /proc/pid/stat) on this JVM's nanoTime scale. */
    private static long spawnedNanos(long pid) {
        try {
            long now = System.nanoTime();
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0]);
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedAfterBoot = Long.parseLong(fields[19]) / TICKS_PER_SECOND; // field 22 of the whole line
            return now - Math.round((uptime - startedAfterBoot) * 1e9);
        } catch (IOException | RuntimeException e) {
            return System.nanoTime(); // first seen: at most one probe late
        }
    }

    /** One readiness probe in flight per service, so that a slow answer of one does not delay the others'. */
    private void probe(Watched service) {
        if (service.readyNanos != 0 || service.probing) {
            return;
        }
        service.probing = true;
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + service.managementPort
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            if (failure == null && answer.statusCode() == 200 && service.readyNanos == 0) {
                service.readyNanos = System.nanoTime();
            }
            service.probing = false;
        });
    }

    /**
     * Where the memory goes, from the service's Micrometer gauges (/q/metrics): committed heap and non-heap
     * (metaspace, code cache) in MB; the rest of the resident memory is threads, GC structures and native buffers.
     */
    public String jvmMemory(Watched service) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.managementPort
                    + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> committed = new java.util.TreeMap<>();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"") || line.startsWith("jvm_memory_used_bytes{")
                        && line.contains("area=\"heap\"")) {
                    committed.merge("heap used", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                            Double::sum);
                }
                if (line.startsWith("jvm_memory_committed_bytes{")) {
                    String id = line.replaceAll(".*id=\"([^\"]*)\".*", "$1");
                    String area = line.replaceAll(".*area=\"([^\"]*)\".*", "$1");
                    double bytes = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    committed.merge(area, bytes, Double::sum);
                    committed.merge(area + ":" + id, bytes, Double::sum);
                }
            }
            StringBuilder text = new StringBuilder("committed");
            committed.forEach((what, bytes) -> text.append(String.format(java.util.Locale.ROOT, " %s %.0f MB,", what,
                    bytes / 1048576)));
            return text.toString();
        } catch (IOException | RuntimeException e) {
            return "no metrics: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no metrics";
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
