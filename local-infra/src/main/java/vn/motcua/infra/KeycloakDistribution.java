package vn.motcua.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's Quarkus distribution (org.keycloak:keycloak-quarkus-dist, a zip in the local Maven repository, declared
 * by the modules that start it so that a build downloads it), unpacked once per machine into a cache folder keyed
 * by version. Each server runs from a home of its own (its data, config and Quarkus build output) that links to the
 * cached libraries, so parallel test JVMs never share a database or rewrite each other's files.
 */
public final class KeycloakDistribution {

    public static final String VERSION = "26.5.6";
    private static final String TOP = "keycloak-" + VERSION;
    /** Written once the cached home holds a dev-mode build ("augmentation", about 30 s) that runs can reuse. */
    private static final String AUGMENTED = "augmented-for-start-dev";

    private final Path cache;
    private final Path home;

    private KeycloakDistribution(Path cache) {
        this.cache = cache;
        this.home = cache.resolve(TOP);
    }

    /** The unpacked distribution, unpacking the zip first if this machine has not yet. */
    public static KeycloakDistribution unpacked() {
        KeycloakDistribution distribution = new KeycloakDistribution(cacheRoot());
        distribution.underLock(() -> {
            if (!Files.isRegularFile(distribution.home.resolve("lib/quarkus-run.jar"))) {
                distribution.unpack(zip());
            }
        });
        return distribution;
    }

    /**
     * Makes {@code runHome} a Keycloak home: links to the cached libraries, its own copy of the config and of the
     * Quarkus build output, its own {@code data/} with {@code realm}'s file in {@code data/import}. A home used before
     * (devstack) keeps its data and its build.
     */
    public Path prepareHome(Path runHome, KeycloakRealm realm) {
        underLock(() -> {
            Files.createDirectories(runHome.resolve("lib"));
            for (String shared : List.of("lib/lib", "lib/app")) {
                Path link = runHome.resolve(shared);
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, home.resolve(shared).toRealPath());
            }
            Files.copy(home.resolve("lib/quarkus-run.jar"), runHome.resolve("lib/quarkus-run.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (!Files.isDirectory(runHome.resolve("lib/quarkus"))) {
                copyDirectory(home.resolve("lib/quarkus"), runHome.resolve("lib/quarkus"));
            }
            if (!Files.isDirectory(runHome.resolve("conf"))) {
                copyDirectory(home.resolve("conf"), runHome.resolve("conf"));
            }
            Files.createDirectories(runHome.resolve("providers"));
            Files.createDirectories(runHome.resolve("themes"));
        });
        realm.copyInto(runHome.resolve("data/import"));
        return runHome;
    }

    /** After a first successful start, keeps that start's build in the cache so later homes skip it. */
    void keepBuildOf(Path runHome) {
        underLock(() -> {
            if (Files.exists(cache.resolve(AUGMENTED))) {
                return;
            }
            copyDirectory(runHome.resolve("lib/quarkus"), home.resolve("lib/quarkus"));
            Files.writeString(cache.resolve(AUGMENTED), "lib/quarkus built by start-dev\n");
        });
    }

    /**
     * The command kc.sh would run for {@code start-dev}, with {@code runHome} as the home; {@code built} after a
     * start that built the home exited with 10 to be relaunched (kc.sh's {@code -Dkc.config.built=true}).
     */
    List<String> startDevCommand(Path runHome, int httpPort, boolean built) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms64m", "-Xmx512m", "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m",
                "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Djava.security.egd=file:/dev/urandom",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "-Duser.language=en", "-Duser.country=US",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + runHome, "-Djboss.server.config.dir=" + runHome.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true",
                "-Dquarkus-log-max-startup-records=10000",
                "-cp", runHome.resolve("lib/quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                // the realm is imported when it does not exist yet (strategy IGNORE_EXISTING)
                "start-dev", "--http-port=" + httpPort, "--import-realm"));
        if (built) {
            command.add(1, "-Dkc.config.built=true");
        }
        return command;
    }

    /** {@code MOTCUA_CACHE_DIR}, else {@code ~/.cache/motcua}. */
    private static Path cacheRoot() {
        String configured = System.getenv("MOTCUA_CACHE_DIR");
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "motcua") : Path.of(configured);
        return root.resolve("keycloak-" + VERSION);
    }

    /**
     * The zip: {@code -Dmotcua.keycloak.zip} (set by the poms from the declared dependency) or
     * {@code MOTCUA_KEYCLOAK_ZIP}, else where Maven keeps it in the local repository.
     */
    static Path zip() {
        String given = System.getProperty("motcua.keycloak.zip", System.getenv("MOTCUA_KEYCLOAK_ZIP"));
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = given != null && !given.isBlank() ? Path.of(given)
                : Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", VERSION,
                        "keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak's distribution is not at " + zip + "; ./mvnw install -pl local-infra"
                    + " downloads it (or set MOTCUA_KEYCLOAK_URL to a running Keycloak with the motcua realm)");
        }
        return zip;
    }

    private void unpack(Path zip) throws IOException {
        Path staging = Files.createTempDirectory(cache, "unpacking-");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("entry outside the distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        deleteRecursively(home);
        Files.move(staging.resolve(TOP), home, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(cache.resolve(AUGMENTED));
        deleteRecursively(staging);
    }

    private interface CacheWork {
        void run() throws IOException;
    }

    /** One JVM at a time (the file lock) and one thread of this JVM at a time (the monitor) work in the cache. */
    private void underLock(CacheWork work) {
        synchronized (KeycloakDistribution.class) {
            try {
                Files.createDirectories(cache);
                try (FileChannel channel = FileChannel.open(cache.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    work.run();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak's distribution cache " + cache, e);
            }
        }
    }

    static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(directory) || !Files.isDirectory(directory)) {
            Files.delete(directory);
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                deleteRecursively(child);
            }
        }
        Files.delete(directory);
    }
}
